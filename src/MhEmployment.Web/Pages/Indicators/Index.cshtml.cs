using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Indicators;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MhEmployment.Web.Pages.Indicators;

public sealed class IndexModel(IndicatorCatalogue catalogue) : PageModel
{
    public IReadOnlyList<IGrouping<IndicatorTheme, Indicator>> Themes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Themes = [.. (await catalogue.ListAsync(cancellationToken)).GroupBy(i => i.Theme)];
}
