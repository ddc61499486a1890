namespace AdaHessian.Study.Figures;

/// <summary>One labelled series of quartiles (first, median, third), one value per x position, already as plotted.</summary>
internal sealed record QuartileSeries(string Label, double[] Q1, double[] Median, double[] Q3);
