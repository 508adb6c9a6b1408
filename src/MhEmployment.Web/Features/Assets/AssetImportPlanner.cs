using MhEmployment.Web.Domain;

namespace MhEmployment.Web.Features.Assets;

public enum PlannedChange { Create, Update, Unchanged }

/// <summary>What committing a row would do, with its checked values and any rating it sets.</summary>
public sealed record PlannedRow(
    long Line, PlannedChange Change, int? Id, AssetValues Values, string? Summary, bool RatingChanged, int? Rating, string? Rationale);

/// <summary>An asset in the register, as the import compares a row with it.</summary>
public sealed record ExistingAsset(int Id, AssetSnapshot Snapshot, IReadOnlyCollection<int> ItemIds, int? Rating, string? RatingRationale);

/// <summary>
/// Checks every row of an asset file against the rules, the register and the rest of the file, and says what each
/// row would do (add, change, nothing). Every problem is reported with its line, column, value and reason; a file
/// with any problem is not committed at all.
/// </summary>
public static class AssetImportPlanner
{
    public static (List<PlannedRow> Rows, List<CsvError> Errors) Plan(
        IReadOnlyList<CsvAssetRow> rows, AssetReference reference, IReadOnlyDictionary<int, ExistingAsset> existing,
        IReadOnlyList<(int Id, string Name, string Provider)> register, bool canRate)
    {
        var planned = new List<PlannedRow>();
        var errors = new List<CsvError>();
        var registerByKey = register.ToLookup(a => Key(a.Name, a.Provider));
        var fileByKey = new Dictionary<string, List<SimilarAsset>>(StringComparer.Ordinal);
        var seenIds = new Dictionary<int, long>();
        foreach (var row in rows)
        {
            ExistingAsset? current = null;
            if (row.Id is { } id)
            {
                if (seenIds.TryGetValue(id, out var firstLine))
                {
                    errors.Add(new(row.Line, "id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Asset {id} is already changed on line {firstLine}; each asset may appear once"));
                    continue;
                }
                seenIds[id] = row.Line;
                if (!existing.TryGetValue(id, out current))
                {
                    errors.Add(new(row.Line, "id", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"The register has no asset {id}; leave the id empty to add a new asset"));
                    continue;
                }
            }
            var key = row.Draft.Name is { } n && row.Draft.Provider is { } p ? Key(n, p) : "";
            var similar = registerByKey[key].Where(a => a.Id != row.Id)
                .Select(a => existing.TryGetValue(a.Id, out var e) ? new SimilarAsset($"asset {a.Id}", a.Name, e.ItemIds) : null)
                .OfType<SimilarAsset>()
                .Concat(fileByKey.GetValueOrDefault(key) ?? []);
            var (values, fieldErrors) = AssetRules.Validate(row.Draft, reference, current?.ItemIds ?? [], similar);
            errors.AddRange(fieldErrors.Select(e => new CsvError(row.Line, e.Field, e.Value, e.Message)));

            var (ratingChanged, rating, rationale) = RatingOf(row, current, canRate, errors);
            if (values is null || errors.Any(e => e.Line == row.Line))
            {
                continue;
            }
            if (key.Length > 0)
            {
                if (!fileByKey.TryGetValue(key, out var list))
                {
                    fileByKey[key] = list = [];
                }
                list.Add(new SimilarAsset($"line {row.Line} of this file", values.Name, values.ItemIds));
            }
            var after = AssetSnapshot.Of(values, reference.ItemsById);
            if (current is null)
            {
                planned.Add(new PlannedRow(row.Line, PlannedChange.Create, null, values, null, ratingChanged, rating, rationale));
                continue;
            }
            var summary = after.DescribeChangesFrom(current.Snapshot);
            var change = summary.Length > 0 || ratingChanged ? PlannedChange.Update : PlannedChange.Unchanged;
            planned.Add(new PlannedRow(row.Line, change, current.Id, values, summary, ratingChanged, rating, rationale));
        }
        return (planned, errors);
    }

    private static (bool Changed, int? Rating, string? Rationale) RatingOf(CsvAssetRow row, ExistingAsset? current, bool canRate, List<CsvError> errors)
    {
        if (row.Rating is null && row.RatingRationale is null)
        {
            return (false, current?.Rating, current?.RatingRationale);
        }
        var (rating, rationale, ratingErrors) = AssetRules.ValidateRating(row.Rating, row.RatingRationale);
        if (ratingErrors.Count > 0)
        {
            errors.AddRange(ratingErrors.Select(e => new CsvError(row.Line, e.Field == "rationale" ? "rating_rationale" : "rating", e.Value, e.Message)));
            return (false, null, null);
        }
        var changed = current is null || current.Rating != rating || current.RatingRationale != rationale;
        if (changed && !canRate)
        {
            errors.Add(new(row.Line, "rating", row.Rating,
                "Only Officers and Admins rate assets; leave the rating and its rationale as exported (or empty) and ask an Officer to rate it"));
            return (false, null, null);
        }
        return (changed, rating, rationale);
    }

    public static string Key(string name, string provider) => AssetRules.Normalise(name) + "\u0001" + AssetRules.Normalise(provider);
}
