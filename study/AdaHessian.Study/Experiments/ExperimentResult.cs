using System.Text.Json.Nodes;

namespace AdaHessian.Study.Experiments;

/// <summary>
/// What an experiment returns. <see cref="Summary"/> holds only deterministic numbers (rounded with
/// <c>Numbers.Round</c>); <see cref="Report"/> is Markdown generated from them; wall-clock measurements go to
/// <see cref="Timings"/>, which is kept out of the byte-for-byte reproducible outputs.
/// </summary>
internal sealed record ExperimentResult(JsonObject Summary, string Report, IReadOnlyList<TimingRow> Timings);

/// <summary>A wall-clock measurement: what was timed and how long it took.</summary>
internal sealed record TimingRow(string Experiment, string What, double Milliseconds);
