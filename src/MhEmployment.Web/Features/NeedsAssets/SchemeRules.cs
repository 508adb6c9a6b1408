using System.Globalization;
using MhEmployment.Web.Data.Configurations;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;

namespace MhEmployment.Web.Features.NeedsAssets;

/// <summary>The scheme form as typed: every field is text, so that a wrong entry comes back as it was written.</summary>
public sealed class SchemeInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }

    /// <summary>"Terciles" or "Thresholds".</summary>
    public string? LevelRule { get; set; }
    public string? HighFrom { get; set; }
    public string? LowTo { get; set; }
    public string? MinimumShare { get; set; }

    /// <summary>The weight of each linked indicator, keyed by <see cref="SchemeRules.WeightKey"/>; blank means 1.</summary>
    public Dictionary<string, string?> Weights { get; set; } = [];

    public static SchemeInput From(WeightingScheme scheme, IEnumerable<WeightSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(slots);
        var stored = scheme.Weights.ToDictionary(w => SchemeRules.WeightKey(w.DomainId, w.IndicatorId), w => w.Weight);
        return new SchemeInput
        {
            Name = scheme.Name,
            Description = scheme.Description,
            LevelRule = scheme.LevelRule.ToString(),
            HighFrom = SchemeRules.Number(scheme.HighFrom),
            LowTo = SchemeRules.Number(scheme.LowTo),
            MinimumShare = SchemeRules.Number(scheme.MinimumShare),
            Weights = slots.ToDictionary(s => s.Key, s => (string?)SchemeRules.Number(stored.GetValueOrDefault(s.Key, SchemeRules.DefaultWeight))),
        };
    }
}

/// <summary>One linked indicator of one domain: a weight the scheme form asks for.</summary>
public sealed record WeightSlot(int DomainId, int DomainNumber, string DomainName, int IndicatorId, string IndicatorKey, string IndicatorName)
{
    public string Key => SchemeRules.WeightKey(DomainId, IndicatorId);

    /// <summary>The form field's id, which the error summary links to.</summary>
    public string FieldId => SchemeRules.WeightField(DomainId, IndicatorId);
}

public sealed record SchemeWeightValue(int DomainId, int IndicatorId, double Weight);

/// <summary>A checked scheme. <see cref="Weights"/> holds only the weights other than 1.</summary>
public sealed record SchemeValues(
    string Name, string Description, NeedLevelRule LevelRule, double? HighFrom, double? LowTo, double MinimumShare, IReadOnlyList<SchemeWeightValue> Weights)
{
    public static SchemeValues Of(WeightingScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new(scheme.Name, scheme.Description, scheme.LevelRule, scheme.HighFrom, scheme.LowTo, scheme.MinimumShare,
            [.. scheme.Weights.Where(w => w.Weight != SchemeRules.DefaultWeight).Select(w => new SchemeWeightValue(w.DomainId, w.IndicatorId, w.Weight))]);
    }
}

/// <summary>
/// What a weighting scheme must be: a unique name (the Default scheme keeps its own), a need-level rule whose
/// thresholds make sense, a minimum share of indicators in (0, 1], and weights from 0 to 10 for the linked indicators.
/// </summary>
public static class SchemeRules
{
    public const int NameLength = WeightingSchemeConfiguration.NameLength;
    public const int DescriptionLength = AssetConfiguration.LongTextLength;
    public const double DefaultWeight = 1;
    public const double MaximumWeight = 10;

    public static string WeightKey(int domainId, int indicatorId) => string.Create(CultureInfo.InvariantCulture, $"{domainId}-{indicatorId}");

    public static string WeightField(int domainId, int indicatorId) => string.Create(CultureInfo.InvariantCulture, $"Weight-{domainId}-{indicatorId}");

    /// <summary>A number as the form shows it: "0.5", "−1" written with a hyphen, nothing for none.</summary>
    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Checks <paramref name="input"/>. <paramref name="otherNames"/> are the names of the other schemes;
    /// <paramref name="storedName"/> is the scheme's name before this edit (null for a new scheme). Field names in the
    /// problems are the input's property names, or <see cref="WeightSlot.FieldId"/> for a weight.
    /// </summary>
    public static (SchemeValues? Values, IReadOnlyList<FieldProblem> Problems) Check(
        SchemeInput input, IReadOnlyList<WeightSlot> slots, IReadOnlyCollection<string> otherNames, string? storedName)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(otherNames);
        var problems = new List<FieldProblem>();

        var name = input.Name?.Trim() ?? "";
        if (storedName == WeightingScheme.DefaultName && name != WeightingScheme.DefaultName)
        {
            problems.Add(new(nameof(SchemeInput.Name), $"The {WeightingScheme.DefaultName} scheme keeps its name: the comparison uses it when no scheme is chosen"));
        }
        else if (name.Length == 0)
        {
            problems.Add(new(nameof(SchemeInput.Name), "Enter a name for the scheme"));
        }
        else if (name.Length > NameLength)
        {
            problems.Add(new(nameof(SchemeInput.Name), $"The name is {name.Length} characters long; the limit is {NameLength}"));
        }
        else if (otherNames.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(new(nameof(SchemeInput.Name), $"There is already a scheme called '{name}': choose another name"));
        }

        var description = input.Description?.Trim() ?? "";
        if (description.Length > DescriptionLength)
        {
            problems.Add(new(nameof(SchemeInput.Description), $"The description is {description.Length:N0} characters long; the limit is {DescriptionLength:N0}"));
        }

        NeedLevelRule? rule = Enum.TryParse<NeedLevelRule>(input.LevelRule?.Trim(), ignoreCase: true, out var parsedRule) && Enum.IsDefined(parsedRule) ? parsedRule : null;
        double? highFrom = null, lowTo = null;
        if (rule is null)
        {
            problems.Add(new(nameof(SchemeInput.LevelRule), "Choose how need levels are set: by thirds of the areas compared, or by thresholds"));
        }
        else if (rule == NeedLevelRule.Thresholds)
        {
            highFrom = Score(input.HighFrom, nameof(SchemeInput.HighFrom), "the score from which need is high", problems);
            lowTo = Score(input.LowTo, nameof(SchemeInput.LowTo), "the score up to which need is low", problems);
            if (highFrom is { } high && lowTo is { } low && high <= low)
            {
                problems.Add(new(nameof(SchemeInput.HighFrom),
                    $"The score from which need is high ({Number(high)}) must be more than the score up to which need is low ({Number(low)})"));
            }
        }

        var share = Share(input.MinimumShare, problems);

        var weights = new List<SchemeWeightValue>();
        foreach (var slot in slots)
        {
            var text = input.Weights.GetValueOrDefault(slot.Key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var what = $"The weight of {slot.IndicatorName} in domain {slot.DomainNumber}";
            if (Parse(text) is not { } weight)
            {
                problems.Add(new(slot.FieldId, $"{what} must be a number from 0 to {Number(MaximumWeight)}, like 2 or 0.5; '{text}' is not"));
            }
            else if (weight is < 0 or > MaximumWeight)
            {
                problems.Add(new(slot.FieldId, $"{what} must be from 0 (left out) to {Number(MaximumWeight)}; {Number(weight)} is not"));
            }
            else if (weight != DefaultWeight)
            {
                weights.Add(new(slot.DomainId, slot.IndicatorId, weight));
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new SchemeValues(name, description, rule!.Value, highFrom, lowTo, share!.Value, weights), problems);
    }

    /// <summary>What changed between two versions of a scheme, in words ("Level rule: Terciles → Thresholds"); empty when nothing did.</summary>
    public static IReadOnlyList<string> Changes(SchemeValues before, SchemeValues after, IReadOnlyList<WeightSlot> slots)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(slots);
        var changes = new List<string>();
        void Compare(string label, string was, string now)
        {
            if (was != now)
            {
                changes.Add($"{label}: \"{was}\" → \"{now}\"");
            }
        }
        Compare("Name", before.Name, after.Name);
        Compare("Description", before.Description, after.Description);
        Compare("Level rule", before.LevelRule.ToString(), after.LevelRule.ToString());
        Compare("High from", Number(before.HighFrom), Number(after.HighFrom));
        Compare("Low to", Number(before.LowTo), Number(after.LowTo));
        Compare("Minimum share", Number(before.MinimumShare), Number(after.MinimumShare));
        var was = before.Weights.ToDictionary(w => WeightKey(w.DomainId, w.IndicatorId), w => w.Weight);
        var now = after.Weights.ToDictionary(w => WeightKey(w.DomainId, w.IndicatorId), w => w.Weight);
        foreach (var slot in slots)
        {
            Compare($"Weight of {slot.IndicatorKey} in domain {slot.DomainNumber}",
                Number(was.GetValueOrDefault(slot.Key, DefaultWeight)), Number(now.GetValueOrDefault(slot.Key, DefaultWeight)));
        }
        return changes;
    }

    /// <summary>A decimal as people type it: "0.5", "-1", "−1" (a minus sign), "+2".</summary>
    public static double? Parse(string? text)
    {
        var cleaned = text?.Trim().Replace('\u2212', '-');
        return double.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
            CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
    }

    private static double? Score(string? text, string field, string what, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, $"Enter {what}: thresholds need both"));
            return null;
        }
        var value = Parse(text);
        if (value is null)
        {
            problems.Add(new(field, $"Enter {what} as a number of standard deviations, like 0.5 or -0.5; '{text.Trim()}' is not a number"));
        }
        return value;
    }

    /// <summary>A share as a decimal ("0.5") or a percentage ("50%").</summary>
    private static double? Share(string? text, List<FieldProblem> problems)
    {
        const string field = nameof(SchemeInput.MinimumShare);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(field, "Enter the share of a domain's scored indicators an area needs values for, like 0.5 for half"));
            return null;
        }
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var value = Parse(percent ? trimmed[..^1] : trimmed) / (percent ? 100 : 1);
        if (value is null)
        {
            problems.Add(new(field, $"Enter the minimum share as a number, like 0.5 or 50%; '{trimmed}' is not"));
            return null;
        }
        if (value is <= 0 or > 1)
        {
            problems.Add(new(field, $"The minimum share must be more than 0 and at most 1 (every indicator); {trimmed} is not"));
            return null;
        }
        return value;
    }
}
