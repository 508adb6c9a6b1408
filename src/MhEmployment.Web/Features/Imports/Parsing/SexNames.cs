namespace MhEmployment.Web.Features.Imports.Parsing;

/// <summary>Maps the sex labels sources use ("Total", "All persons", "Males", ...) to Persons, Male or Female.</summary>
public static class SexNames
{
    public const string Persons = "Persons";
    public const string Male = "Male";
    public const string Female = "Female";

    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Persons"] = Persons, ["Person"] = Persons, ["Total"] = Persons, ["All persons"] = Persons,
        ["All People"] = Persons, ["People"] = Persons, ["All"] = Persons, ["Both"] = Persons,
        ["Both sexes"] = Persons, ["All sexes"] = Persons, ["Not applicable"] = Persons, ["T"] = Persons,
        ["Male"] = Male, ["Males"] = Male, ["Men"] = Male, ["M"] = Male,
        ["Female"] = Female, ["Females"] = Female, ["Women"] = Female, ["F"] = Female,
    };

    public static bool TryNormalise(string? label, out string sex)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            sex = Persons;
            return true;
        }
        return Known.TryGetValue(label.Trim(), out sex!);
    }
}
