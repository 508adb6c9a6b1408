using System.Globalization;
using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using MhEmployment.Web.Features.Statistics;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Profiles;

/// <summary>Where a dashboard row stands against the benchmark, as the themes summary counts it.</summary>
public enum Standing { Better, Similar, Worse, HigherOrLower, InQuintiles, NotCompared }

/// <summary>One theme's line in an area's themes summary: how many indicators it has, and where they stand.</summary>
public sealed record ThemeSummary(
    IndicatorTheme Theme, int Indicators, int Better, int Similar, int Worse, int HigherOrLower, int InQuintiles, int NotCompared)
{
    public string Slug => IndicatorText.ThemeSlug(Theme);
}

/// <summary>
/// Which themes of an area's dashboard the page shows. A national catalogue makes one page of every indicator too
/// large to serve quickly, so, as Fingertips shows an area profile one domain at a time, a dashboard with more than
/// <c>Dashboards:AllThemesUpTo</c> indicators opens at its first theme, with a summary of every theme to move
/// between them; a smaller one shows every theme, as before. <c>?theme=</c> chooses one, or <c>all</c>.
/// </summary>
public sealed class ThemeSelection
{
    /// <summary>The <c>?theme=</c> value for every theme on one page.</summary>
    public const string All = "all";

    private ThemeSelection(
        IReadOnlyList<ThemeSummary> themes, IReadOnlyList<IGrouping<IndicatorTheme, ProfileRow>> shown, IndicatorTheme? selected,
        string? chosen, string? problem, int total)
    {
        Themes = themes;
        Shown = shown;
        Selected = selected;
        Chosen = chosen;
        Problem = problem;
        Total = total;
    }

    /// <summary>Every theme with indicators for the area, in the dashboard's order.</summary>
    public IReadOnlyList<ThemeSummary> Themes { get; }

    /// <summary>The themes the page shows, each with its rows.</summary>
    public IReadOnlyList<IGrouping<IndicatorTheme, ProfileRow>> Shown { get; }

    /// <summary>The one theme shown; null when every theme is.</summary>
    public IndicatorTheme? Selected { get; }

    /// <summary>The valid <c>?theme=</c> value the reader chose (kept when they change other settings); null for the default.</summary>
    public string? Chosen { get; }

    /// <summary>What was wrong with the <c>?theme=</c> value, and what is shown instead.</summary>
    public string? Problem { get; }

    /// <summary>The area's indicators in every theme.</summary>
    public int Total { get; }

    public int ShownCount => Shown.Sum(g => g.Count());

    public bool ShowsAll => Selected is null;

    /// <summary>Chooses the themes to show for <paramref name="requested"/> (the <c>?theme=</c> value, if any).</summary>
    public static ThemeSelection For(AreaProfile profile, string? requested, int allThemesUpTo)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var groups = profile.ByTheme.ToList();
        var themes = groups.Select(Summarise).ToList();
        IndicatorTheme? fallback = profile.Rows.Count <= allThemesUpTo || groups.Count == 0 ? null : groups[0].Key;
        var text = requested?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return Choose(fallback, chosen: null, problem: null);
        }
        if (string.Equals(text, All, StringComparison.OrdinalIgnoreCase))
        {
            return Choose(null, All, problem: null);
        }
        if (IndicatorText.ThemeFromSlug(text) is not { } theme)
        {
            var slugs = Enum.GetValues<IndicatorTheme>().Select(IndicatorText.ThemeSlug);
            return Choose(fallback, null, $"'{text}' is not a theme; choose one of {string.Join(", ", slugs)} or {All}, so {Describe(fallback)} shown.");
        }
        if (groups.All(g => g.Key != theme))
        {
            return Choose(fallback, null,
                $"{profile.Area.Name} has no indicators with values in {IndicatorText.Theme(theme)}, so {Describe(fallback)} shown.");
        }
        return Choose(theme, IndicatorText.ThemeSlug(theme), problem: null);

        ThemeSelection Choose(IndicatorTheme? selected, string? chosen, string? problem) =>
            new(themes, [.. groups.Where(g => selected is null || g.Key == selected)], selected, chosen, problem, profile.Rows.Count);
    }

    /// <summary>
    /// The row's standing by the label it shows and the basis of that label: only a comparison by intervals is
    /// against the benchmark (Higher and Lower where neither is better); a quintile's "Better" means a fifth of the
    /// areas, not a significant difference, so those rows are counted apart, as the key explains them apart.
    /// </summary>
    public static Standing StandingOf(ProfileRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var label = row.Result.Label;
        return row.Comparison.Basis switch
        {
            ComparisonBasis.Intervals => label switch
            {
                ComparisonLabels.Better or ComparisonLabels.Best => Standing.Better,
                ComparisonLabels.Similar => Standing.Similar,
                ComparisonLabels.Worse or ComparisonLabels.Worst => Standing.Worse,
                ComparisonLabels.Higher or ComparisonLabels.Lower => Standing.HigherOrLower,
                _ => Standing.NotCompared,
            },
            ComparisonBasis.Quintiles when label != ComparisonLabels.NotCompared => Standing.InQuintiles,
            _ => Standing.NotCompared,
        };
    }

    private static ThemeSummary Summarise(IGrouping<IndicatorTheme, ProfileRow> theme)
    {
        var standings = theme.Select(StandingOf).ToList();
        int Count(Standing standing) => standings.Count(s => s == standing);
        return new ThemeSummary(theme.Key, standings.Count, Count(Standing.Better), Count(Standing.Similar), Count(Standing.Worse),
            Count(Standing.HigherOrLower), Count(Standing.InQuintiles), Count(Standing.NotCompared));
    }

    private static string Describe(IndicatorTheme? shown) => shown is { } theme ? $"{IndicatorText.Theme(theme)} is" : "every theme is";
}

/// <summary>The dashboards' page settings, read and checked once at start-up.</summary>
public sealed record DashboardPageSettings(int AllThemesUpTo)
{
    public const string AllThemesUpToKey = "Dashboards:AllThemesUpTo";

    /// <summary>Today's catalogue (about 25 indicators) stays one page; a national one (200) goes a theme at a time.</summary>
    public const int DefaultAllThemesUpTo = 60;

    public static DashboardPageSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[AllThemesUpToKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DashboardPageSettings(DefaultAllThemesUpTo);
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var upTo)
            ? new DashboardPageSettings(upTo)
            : throw new ConfigurationProblemException(
                $"{AllThemesUpToKey} is '{text}'; it must be a whole number of indicators, 0 or more (default {DefaultAllThemesUpTo}): " +
                "a dashboard with more shows one theme at a time.");
    }
}
