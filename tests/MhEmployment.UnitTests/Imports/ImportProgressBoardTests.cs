using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Imports;

namespace MhEmployment.UnitTests.Imports;

/// <summary>How far a running validation or commit has gone, as the pages and the API read it while it runs.</summary>
public sealed class ImportProgressBoardTests
{
    private readonly ImportProgressBoard board = new();

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

        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Committing, 0)));

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
        });

        import!.Progress.Should().Be(0.95, "progress only ever goes forward for whoever polls it");
    }

    [Fact]
    public async Task OnceItHasEnded_TheStoredProgressIsShown()
    {
        board.Set(4, 0.95, 1_200);

        var import = await board.ReadAsync(4, () => Task.FromResult<Import?>(Stored(ImportStatus.Committed, 1)));

        import!.Progress.Should().Be(1);
    }
}
