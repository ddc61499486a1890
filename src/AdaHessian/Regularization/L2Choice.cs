namespace AdaHessian.Regularization;

/// <summary>The L2 strength a search chose, and how: give <see cref="L2Regularization"/> to a trainer to fit the same model again.</summary>
/// <param name="L2Regularization">The chosen λ, ML.NET's meaning.</param>
/// <param name="Method">How it was chosen.</param>
/// <param name="Candidates">Every strength tried, in the order tried.</param>
/// <param name="Passes">Data passes the search made (each reads every row of its fold once).</param>
/// <param name="Elapsed">Wall-clock time of the search.</param>
/// <param name="Warning">Why the choice is doubtful (at the edge of the range, a fallback), or null.</param>
/// <param name="Folds">Folds of the cross-validation; 0 for the other methods.</param>
public sealed record L2Choice(double L2Regularization, L2Method Method, IReadOnlyList<L2Candidate> Candidates, long Passes,
    TimeSpan Elapsed, string? Warning, int Folds = 0)
{
    /// <summary>One line for a log: the strength, the method, what it cost, and any warning.</summary>
    public string Describe()
    {
        string how = Method switch
        {
            L2Method.CrossValidation => FormattableString.Invariant($"{Folds}-fold cross-validation"),
            L2Method.Evidence => "the evidence (MacKay's fixed point)",
            _ => "the validation set",
        };
        return FormattableString.Invariant(
            $"L2 {L2Regularization:G4} (chosen by {how} over {Candidates.Count} values in {Elapsed.TotalMilliseconds:0.#} ms, {Passes} data passes)") +
            (Warning is null ? "" : $"; {Warning}");
    }
}
