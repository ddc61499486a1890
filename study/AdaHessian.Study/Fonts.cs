using SkiaSharp;

namespace AdaHessian.Study;

/// <summary>ScottPlot silently draws no text without a font; fail loudly instead.</summary>
internal static class Fonts
{
    public static void EnsureAvailable()
    {
        using SKTypeface? typeface = SKFontManager.Default.MatchFamily("DejaVu Sans") ?? SKTypeface.Default;
        bool usable = typeface is not null && SKFontManager.Default.FontFamilies.Any();
        if (!usable)
        {
            throw new InvalidOperationException(
                "No font is installed, so the figures would have no text. On Debian/Ubuntu: sudo apt-get install fonts-dejavu-core.");
        }
    }
}
