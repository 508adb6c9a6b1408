using MhEmployment.Web.Domain;
using MhEmployment.Web.Infrastructure;

namespace MhEmployment.Web.Features.Refresh;

/// <summary>
/// 'refresh [--indicator KEY] [--commit]': fetches one indicator, or every indicator with a source, through the same
/// runs, imports and audit as the pages, reporting each indicator as it ends. Without --commit each file is checked
/// and left for a preview; with it, each valid file is committed and any other held for an analyst. Exit codes: 0 every
/// indicator fetched (or unchanged, or committed), 1 one failed or was held, 2 the command was wrong.
/// </summary>
public static class RefreshCommand
{
    public const string Actor = "command line";

    public static async Task<int> RunAsync(CommandLine command, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(command);
        var commit = command.Flag("commit");
        RefreshRun run;
        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RefreshRequests>()
                .RequestAsync(command.Option("indicator"), RefreshTrigger.CommandLine, Actor, commit, CancellationToken.None, runHere: true);
            if (result.Run is null)
            {
                await Console.Error.WriteLineAsync(result.Refusal);
                return result.NotFound ? 2 : 1;
            }
            run = result.Run;
        }
        await Console.Out.WriteLineAsync($"Refresh #{run.Id}: {Counted(run.Items.Count)} from source{(commit ? ", committing each valid file" : "")}.");

        var troubled = 0;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RefreshRunner>().RunAsync(run.Id, async item =>
            {
                var failed = item.Status is RefreshItemStatus.Failed or RefreshItemStatus.Held;
                troubled += failed ? 1 : 0;
                var line = $"{item.IndicatorKey}: {RefreshText.ItemStatus(item.Status).ToLowerInvariant()}"
                    + (item.ImportId is { } id ? $" (import #{id})" : "") + (item.Message is { } message ? $". {message}" : "");
                await (failed ? Console.Error : Console.Out).WriteLineAsync(line);
            }, CancellationToken.None);
        }
        if (!commit)
        {
            await Console.Out.WriteLineAsync("Nothing was committed. Check and commit each import on its page, or run again with --commit.");
        }
        return troubled == 0 ? 0 : 1;
    }

    private static string Counted(int indicators) => Imports.Counted.Of(indicators, "indicator");
}
