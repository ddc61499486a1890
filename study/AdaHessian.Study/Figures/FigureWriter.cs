using AdaHessian.Study.Output;
using ScottPlot;

namespace AdaHessian.Study.Figures;

/// <summary>Saves a plot as PNG and SVG next to each other, each written atomically.</summary>
internal static class FigureWriter
{
    /// <summary>Writes <c>{pathWithoutExtension}.png</c> and <c>.svg</c>.</summary>
    public static void Save(Plot plot, string pathWithoutExtension, int width = 800, int height = 560)
    {
        AtomicFile.Write(pathWithoutExtension + ".png", temp => plot.SavePng(temp, width, height));
        AtomicFile.Write(pathWithoutExtension + ".svg", temp => plot.SaveSvg(temp, width, height));
    }
}
