namespace AdaHessian.MLNet;

/// <summary>One-line option rules that throw <see cref="ArgumentOutOfRangeException"/> naming the option; they never change it.</summary>
internal static class OptionRules
{
    public static void Positive(float value, string name)
    {
        if (!(value > 0 && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be finite and > 0.");
        }
    }

    public static void NonNegative(float value, string name)
    {
        if (!(value >= 0 && float.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be finite and ≥ 0.");
        }
    }

    public static void InZeroOne(float value, string name, bool includeOne)
    {
        if (!(value >= 0 && (includeOne ? value <= 1 : value < 1)))
        {
            throw new ArgumentOutOfRangeException(name, value, includeOne ? "Must be in [0, 1]." : "Must be in [0, 1).");
        }
    }

    public static void AtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be ≥ 1.");
        }
    }

    public static void NullOrAtLeastOne(int? value, string name, string nullMeaning)
    {
        if (value is < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be ≥ 1, or null for {nullMeaning}.");
        }
    }

    public static void ColumnName(string? value, string name, bool optional = false)
    {
        if (optional ? value is not null && value.Length == 0 : string.IsNullOrEmpty(value))
        {
            throw new ArgumentOutOfRangeException(name, value, optional ? "Must be a column name or null (none)." : "Must be a column name.");
        }
    }

    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }
}
