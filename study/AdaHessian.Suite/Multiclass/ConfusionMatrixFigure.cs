using System.Globalization;
using ScottPlot;

namespace AdaHessian.Suite.Multiclass;

/// <summary>A confusion matrix as a heatmap of row shares (actual label down, predicted across), each cell labelled in per cent.</summary>
internal static class ConfusionMatrixFigure
{
    public static Plot Create(string title, ClassConfusion confusion, IReadOnlyList<string> names)
    {
        int k = confusion.Classes;
        var shares = new double[k, k];
        var plot = new Plot();
        for (int a = 0; a < k; a++)
        {
            for (int p = 0; p < k; p++)
            {
                shares[a, p] = 100 * confusion.Fraction(a, p);
                var text = plot.Add.Text(shares[a, p].ToString("0.#", CultureInfo.InvariantCulture), p, k - 1 - a);
                (text.Alignment, text.LabelFontSize) = (Alignment.MiddleCenter, 11);
                text.LabelFontColor = shares[a, p] > 50 ? Colors.Black : Colors.White;
            }
        }

        var heatmap = plot.Add.Heatmap(shares); // row 0 (the first label) at the top; the extent spans the cells' centres
        (heatmap.Colormap, heatmap.Extent) = (new ScottPlot.Colormaps.Viridis(), new CoordinateRect(0, k - 1, 0, k - 1));
        plot.MoveToBack(heatmap);
        plot.Add.ColorBar(heatmap).Label = "% of the actual class";
        double[] positions = [.. Enumerable.Range(0, k).Select(i => (double)i)];
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. names]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Reverse(positions)], [.. names]);
        (plot.Axes.Bottom.TickLabelStyle.Rotation, plot.Axes.Bottom.TickLabelStyle.Alignment) = (30, Alignment.MiddleLeft);
        plot.Axes.Bottom.MinimumSize = 110;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        (plot.Axes.Title.Label.Text, plot.Axes.Bottom.Label.Text, plot.Axes.Left.Label.Text) = (title, "predicted", "actual");
        return plot;
    }
}
