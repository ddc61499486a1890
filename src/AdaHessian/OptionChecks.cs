namespace AdaHessian;

/// <summary>One-line option rules that throw <see cref="ArgumentOutOfRangeException"/> naming the option.</summary>
internal static class OptionChecks
{
    public static void Positive(double value, string name)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be finite and > 0.");
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!(value >= 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be finite and ≥ 0.");
        }
    }

    public static void InUnitInterval(double value, string name, bool includeOne)
    {
        bool ok = includeOne ? value is >= 0 and <= 1 : value is >= 0 and < 1;
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, value, includeOne ? "Must be in [0, 1]." : "Must be in [0, 1).");
        }
    }

    public static void AtLeastOne(long value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be ≥ 1.");
        }
    }

    public static void AtLeast(long value, long minimum, string name)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be ≥ {minimum}.");
        }
    }

    public static void NullOrAtLeastOne(int? value, string name, string nullMeaning)
    {
        if (value is < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Must be ≥ 1, or null for {nullMeaning}.");
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
