using System.Text;

namespace AdaHessian.Suite.Loaders;

/// <summary>Splits one ARFF line into comma-separated fields, honouring single and double quotes.</summary>
internal static class ArffFields
{
    /// <summary>The fields of <paramref name="line"/>, trimmed and unquoted.</summary>
    public static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
