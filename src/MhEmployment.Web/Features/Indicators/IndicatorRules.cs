using System.Globalization;
using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Indicators;

/// <summary>
/// An indicator as the edit form and <c>PUT /api/v1/indicators/{key}</c> send it: text as typed, choices by name.
/// Nothing is trusted until <see cref="IndicatorRules.Check"/> has turned it into an <see cref="IndicatorEdit"/>.
/// </summary>
public sealed class IndicatorInput
{
    public string? Name { get; set; }
    public string? Definition { get; set; }
    public string? Theme { get; set; }
    public string? ValueType { get; set; }
    public string? Unit { get; set; }
    public int? Multiplier { get; set; }
    public string? Polarity { get; set; }
    public string? Source { get; set; }
    public string? Age { get; set; }
    public string? Sex { get; set; }
    public string? PeriodType { get; set; }
    public string? IntervalMethod { get; set; }
    public string? ComparisonMethod { get; set; }
    public bool? NeedsReview { get; set; }

    /// <summary>Where a refresh fetches values: None, Fingertips or Nomis.</summary>
    public string? RefreshSource { get; set; }
    public int? FingertipsId { get; set; }

    /// <summary>The Fingertips area type ids to fetch (see <see cref="IndicatorSources.AreaTypes"/>).</summary>
    public List<int>? FingertipsAreaTypes { get; set; }
    public string? NomisDataset { get; set; }

    /// <summary>The NOMIS query: URL parameters without paging, such as geography=TYPE480&amp;date=latest&amp;measures=20100.</summary>
    public string? NomisQuery { get; set; }

    public static IndicatorInput From(IndicatorEdit edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return new()
        {
            Name = edit.Name, Definition = edit.Definition, Theme = edit.Theme.ToString(), ValueType = edit.ValueType.ToString(),
            Unit = edit.Unit.ToString(), Multiplier = edit.Multiplier, Polarity = edit.Polarity.ToString(), Source = edit.Source,
            Age = edit.Age, Sex = edit.Sex.ToString(), PeriodType = edit.PeriodType.ToString(),
            IntervalMethod = edit.IntervalMethod.ToString(), ComparisonMethod = edit.ComparisonMethod.ToString(), NeedsReview = edit.NeedsReview,
            RefreshSource = edit.RefreshSource.ToString(), FingertipsId = edit.FingertipsId,
            FingertipsAreaTypes = [.. IndicatorSources.ParseAreaTypes(edit.FingertipsAreaTypes)], NomisDataset = edit.NomisDataset, NomisQuery = edit.NomisQuery,
        };
    }
}

/// <summary>A problem with one field (its property name in <see cref="IndicatorInput"/>), in words for the person who sent it.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// What makes an indicator's description consistent, so that the statistics engine computes and compares it
/// correctly: text within the columns' lengths, a unit that suits the value type, the multiplier the unit implies,
/// an interval method made for the value type, and counts never compared (areas differ in size).
/// </summary>
public static class IndicatorRules
{
    public const int NameLength = 300;
    public const int DefinitionLength = 4000;
    public const int SourceLength = 500;
    public const int AgeLength = 50;

    /// <summary>The units each value type may be shown in.</summary>
    public static IReadOnlyList<IndicatorUnit> UnitsFor(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => [IndicatorUnit.Percent, IndicatorUnit.RatePer1000, IndicatorUnit.RatePer100000],
        IndicatorValueType.CrudeRate or IndicatorValueType.DirectlyStandardisedRate => [IndicatorUnit.RatePer1000, IndicatorUnit.RatePer100000],
        IndicatorValueType.Count => [IndicatorUnit.Count],
        IndicatorValueType.Difference => [IndicatorUnit.PercentagePoints, IndicatorUnit.RatePer1000, IndicatorUnit.RatePer100000],
        _ => Enum.GetValues<IndicatorUnit>(),
    };

    /// <summary>What a value is multiplied by to be read in the unit: 100 for a percentage, 1,000 or 100,000 for a rate, else 1.</summary>
    public static int MultiplierFor(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => 100,
        IndicatorUnit.RatePer1000 => 1000,
        IndicatorUnit.RatePer100000 => 100_000,
        _ => 1,
    };

    /// <summary>The interval methods made for each value type (methods.md); None is always allowed.</summary>
    public static IReadOnlyList<IntervalMethod> IntervalMethodsFor(IndicatorValueType type) => type switch
    {
        IndicatorValueType.Proportion => [IntervalMethod.Wilson, IntervalMethod.None],
        IndicatorValueType.CrudeRate or IndicatorValueType.Count => [IntervalMethod.Byars, IntervalMethod.ExactPoisson, IntervalMethod.None],
        IndicatorValueType.DirectlyStandardisedRate => [IntervalMethod.Dobson, IntervalMethod.None],
        _ => [IntervalMethod.None],
    };

    /// <summary>Checks the input; returns the edit when every field is valid, else each field's problems.</summary>
    public static (IndicatorEdit? Edit, IReadOnlyList<FieldProblem> Problems) Check(IndicatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldProblem>();
        var name = Text(input.Name, nameof(input.Name), "a name", "The name", NameLength, problems);
        var definition = Text(input.Definition, nameof(input.Definition), "a definition", "The definition", DefinitionLength, problems);
        var theme = Choice<IndicatorTheme>(input.Theme, nameof(input.Theme), "a theme", problems);
        var type = Choice<IndicatorValueType>(input.ValueType, nameof(input.ValueType), "a value type", problems);
        var unit = Choice<IndicatorUnit>(input.Unit, nameof(input.Unit), "a unit", problems);
        var polarity = Choice<Polarity>(input.Polarity, nameof(input.Polarity), "a polarity", problems);
        var source = Text(input.Source, nameof(input.Source), "a source", "The source", SourceLength, problems);
        var age = Text(input.Age, nameof(input.Age), "the ages covered", "The ages", AgeLength, problems);
        var sex = Choice<Sex>(input.Sex, nameof(input.Sex), "the sex covered", problems);
        var period = Choice<PeriodType>(input.PeriodType, nameof(input.PeriodType), "a period type", problems);
        var interval = Choice<IntervalMethod>(input.IntervalMethod, nameof(input.IntervalMethod), "an interval method", problems);
        var comparison = Choice<ComparisonMethod>(input.ComparisonMethod, nameof(input.ComparisonMethod), "a comparison method", problems);
        if (input.NeedsReview is null)
        {
            problems.Add(new(nameof(input.NeedsReview), "Say whether the indicator still needs review (true or false)"));
        }
        var refresh = Choice<IndicatorSourceKind>(input.RefreshSource, nameof(input.RefreshSource), "where a refresh fetches values from", problems);
        var (fingertipsId, areaTypes, dataset, query) = CheckSource(input, refresh, problems);

        if (type is { } t && unit is { } u && !UnitsFor(t).Contains(u))
        {
            problems.Add(new(nameof(input.Unit),
                $"{IndicatorText.ValueType(t)} values cannot be in '{IndicatorText.Unit(u)}': choose {Either(UnitsFor(t).Select(IndicatorText.Unit))}"));
        }
        if (input.Multiplier is not { } multiplier)
        {
            problems.Add(new(nameof(input.Multiplier), "Enter the multiplier as a whole number, such as 100 for a percentage"));
        }
        else if (unit is { } mu && multiplier != MultiplierFor(mu))
        {
            problems.Add(new(nameof(input.Multiplier),
                $"The multiplier for '{IndicatorText.Unit(mu)}' is {MultiplierFor(mu).ToString("N0", CultureInfo.InvariantCulture)}, not {multiplier.ToString("N0", CultureInfo.InvariantCulture)}"));
        }
        if (type is { } it && interval is { } im && !IntervalMethodsFor(it).Contains(im))
        {
            problems.Add(new(nameof(input.IntervalMethod),
                $"{IndicatorText.ValueType(it)} values cannot have {MethodWords(im)} intervals: choose {Either(IntervalMethodsFor(it).Select(MethodWords))}"));
        }
        if (type == IndicatorValueType.Count && comparison is { } cm && cm != ComparisonMethod.None)
        {
            problems.Add(new(nameof(input.ComparisonMethod),
                "Counts cannot be compared, as areas differ in size: choose 'Not compared', or make the indicator a rate or proportion"));
        }

        return problems.Count > 0
            ? (null, problems)
            : (new IndicatorEdit(name!, definition!, theme!.Value, unit!.Value, type!.Value, input.Multiplier!.Value, polarity!.Value,
                source!, age!, sex!.Value, period!.Value, interval!.Value, comparison!.Value, input.NeedsReview!.Value,
                refresh!.Value, fingertipsId, areaTypes, dataset, query), problems);
    }

    /// <summary>
    /// The source fields. Each is checked whenever it is given, as the ids also match uploaded files to indicators; the
    /// chosen source needs its own: Fingertips an id and an area type, NOMIS a dataset and a query.
    /// </summary>
    private static (int? FingertipsId, string? AreaTypes, string? Dataset, string? Query) CheckSource(
        IndicatorInput input, IndicatorSourceKind? refresh, List<FieldProblem> problems)
    {
        var fingertipsId = input.FingertipsId;
        if (fingertipsId is <= 0)
        {
            problems.Add(new(nameof(input.FingertipsId), "The Fingertips indicator id must be a whole number above 0, such as 93495"));
            fingertipsId = null;
        }
        else if (fingertipsId is null && refresh == IndicatorSourceKind.Fingertips)
        {
            problems.Add(new(nameof(input.FingertipsId), "Enter the Fingertips indicator id, a whole number such as 93495, to fetch from Fingertips"));
        }

        var chosen = input.FingertipsAreaTypes ?? [];
        var unknown = chosen.Where(id => IndicatorSources.AreaTypes.All(t => t.Id != id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            problems.Add(new(nameof(input.FingertipsAreaTypes),
                $"{string.Join(", ", unknown.Select(id => id.ToString(CultureInfo.InvariantCulture)))} {(unknown.Count == 1 ? "is not a Fingertips area type" : "are not Fingertips area types")} " +
                $"the app fetches: choose from {string.Join(", ", IndicatorSources.AreaTypes.Select(t => $"{t.Id} ({t.Name})"))}"));
        }
        else if (chosen.Count == 0 && refresh == IndicatorSourceKind.Fingertips)
        {
            problems.Add(new(nameof(input.FingertipsAreaTypes), "Choose at least one Fingertips area type to fetch, such as counties and unitary authorities"));
        }
        var areaTypes = unknown.Count > 0 ? null : IndicatorSources.FormatAreaTypes(chosen);

        var datasetText = input.NomisDataset?.Trim();
        var dataset = IndicatorSources.NormaliseDataset(datasetText);
        if (!string.IsNullOrEmpty(datasetText) && dataset is null)
        {
            problems.Add(new(nameof(input.NomisDataset), $"'{datasetText}' is not a NOMIS dataset id: write it as NOMIS does, NM_ then two numbers, such as NM_134_1"));
        }
        else if (string.IsNullOrEmpty(datasetText) && refresh == IndicatorSourceKind.Nomis)
        {
            problems.Add(new(nameof(input.NomisDataset), "Enter the NOMIS dataset id, such as NM_134_1, to fetch from NOMIS"));
        }

        // A query pasted with its '?' is read as the part after it.
        var query = input.NomisQuery?.Trim().TrimStart('?');
        if (string.IsNullOrEmpty(query))
        {
            query = null;
            if (refresh == IndicatorSourceKind.Nomis)
            {
                problems.Add(new(nameof(input.NomisQuery), "Enter the NOMIS query, such as geography=TYPE480&date=latest&measures=20100, to fetch from NOMIS"));
            }
        }
        else if (IndicatorSources.QueryProblem(query) is { } problem)
        {
            problems.Add(new(nameof(input.NomisQuery), problem));
            query = null;
        }
        return (fingertipsId, areaTypes, dataset, query);
    }

    /// <summary>The interval method's short name, for messages.</summary>
    public static string MethodWords(IntervalMethod method) => method switch
    {
        IntervalMethod.ExactPoisson => "exact Poisson",
        IntervalMethod.None => "none",
        _ => method.ToString(),
    };

    /// <summary>
    /// Trimmed text. Only the definition keeps line breaks: elsewhere runs of white space become one space. Other
    /// control and formatting characters (bidirectional overrides among them) are refused: they print invisibly or
    /// make text read differently from what it is.
    /// </summary>
    private static string? Text(string? value, string field, string what, string subject, int maxLength, List<FieldProblem> problems)
    {
        var multiline = field == nameof(IndicatorInput.Definition);
        var text = value?.Trim();
        if (!multiline && text is not null)
        {
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(new(field, $"Enter {what}"));
            return null;
        }
        if (text.Any(c => (char.IsControl(c) && !(multiline && c is '\r' or '\n' or '\t'))
            || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            problems.Add(new(field, $"{subject} contains an invisible or control character (such as a right-to-left override); type it again without one"));
            return null;
        }
        if (text.Length > maxLength)
        {
            problems.Add(new(field, string.Create(CultureInfo.InvariantCulture,
                $"{subject} must be {maxLength:N0} characters or fewer (it has {text.Length:N0})")));
            return null;
        }
        return text;
    }

    /// <summary>A choice by its name (case does not matter); numbers are refused, as they would silently pick by position.</summary>
    private static T? Choice<T>(string? value, string field, string what, List<FieldProblem> problems)
        where T : struct, Enum
    {
        var text = value?.Trim();
        var name = string.IsNullOrEmpty(text) ? null : Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            problems.Add(new(field, string.IsNullOrEmpty(text)
                ? $"Choose {what}"
                : $"'{text}' is not {what}: choose one of {string.Join(", ", Enum.GetNames<T>())}"));
            return null;
        }
        return Enum.Parse<T>(name);
    }

    private static string Either(IEnumerable<string> options)
    {
        var list = options.Select(o => $"'{o}'").ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
