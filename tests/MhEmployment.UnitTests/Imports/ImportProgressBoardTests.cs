using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

/// <summary>How far a running validation or commit has gone, as the pages and the API read it while it runs.</summary>
public sealed class ImportProgressBoardTests
{
    private readonly ImportProgressBoard board = new();

    private static readonly Func<Task<(double Progress, long Rows)?>> NothingElsewhere = () => Task.FromResult<(double, long)?>(null);

    private static Import Stored(ImportStatus status, double progress) => new()
    {
        Id = 4,
        FileName = "file.csv",
        Sha256 = new string('0', 64),
        Status = status,
        Progress = progress,
    };

    [Fact]
    public async Task WhileItRuns_TheLiveProgressIsShown()
    {
        board.Set(4, 0.6, 1_200);

        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Committing, 0)), NothingElsewhere);

        (import!.Progress, import.RowCount).Should().Be((0.6, 1_200L));
    }

    [Fact]
    public async Task ARunEndingWhileTheImportIsRead_IsNeverShownRunningAtTheProgressStoredAtItsStart()
    {
        board.Set(4, 0.95, 1_200);

        // The row is read while the commit is still under way; the commit then ends and clears its progress.
        var import = await board.ReadAsync(4, () =>
        {
            var stillCommitting = Stored(ImportStatus.Committing, 0);
            board.Clear(4);
            return Task.FromResult<Import?>(stillCommitting);
        }, NothingElsewhere);

        import!.Progress.Should().Be(0.95, "progress only ever goes forward for whoever polls it");
    }

    [Fact]
    public async Task OnceItHasEnded_TheStoredProgressIsShown()
    {
        board.Set(4, 0.95, 1_200);

        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Committed, 1)), () => Task.FromResult<(double, long)?>((0.5, 10)));

        import!.Progress.Should().Be(1);
    }

    [Fact]
    public async Task WhileAnotherInstanceRunsIt_TheProgressItLastWroteIsShown()
    {
        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Validating, 0)), () => Task.FromResult<(double, long)?>((0.4, 800)));

        (import!.Progress, import.RowCount).Should().Be((0.4, 800L));
    }

    [Fact]
    public async Task WhileThisInstanceRunsIt_ItsOwnLiveProgressWins()
    {
        board.Set(4, 0.7, 1_400);

        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Validating, 0)), () => Task.FromResult<(double, long)?>((0.4, 800)));

        (import!.Progress, import.RowCount).Should().Be((0.7, 1_400L));
    }
}
