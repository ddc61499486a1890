namespace AdaHessian.MLNet;

/// <summary>The rules for what only ML.NET has: column names. Every other option follows the core's rules.</summary>
internal static class OptionRules
{
    public static void ColumnName(string? value, string name, bool optional = false)
    {
        if (optional ? value is not null && value.Length == 0 : string.IsNullOrEmpty(value))
        {
            throw new ArgumentOutOfRangeException(name, value, optional ? "Must be a column name or null (none)." : "Must be a column name.");
        }
    }
}
