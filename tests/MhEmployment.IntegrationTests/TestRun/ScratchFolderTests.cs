using System.Diagnostics;
using MhEmployment.IntegrationTests.Infrastructure;
using MhEmployment.Tests;
using MhEmployment.Web.Features.Accounts;

namespace MhEmployment.IntegrationTests.TestRun;

/// <summary>
/// What the tests write goes under the run's scratch folder, which is deleted when the run ends (scripts/test.sh's,
/// or this test host's own: see TestScratch); an app's uploads and password file go as soon as it is disposed.
/// scripts/check-test-cleanup.sh checks the end of a run: nothing left in the temporary folder, nothing running.
/// </summary>
public sealed class ScratchFolderTests
{
    [Fact]
    public async Task TemporaryFiles_OfTheTestsTheAppAndTheProcessesTheyStart_GoUnderTheScratchFolder()
    {
        await using var factory = await AppFactory.CreateAsync(Provider.Sqlite);

        Path.GetTempPath().Should().Be(TestScratch.Folder).And.NotBe("/tmp/", "the run has a folder of its own");
        factory.FirstAdminPasswordFile.Should().StartWith(TestScratch.Folder);
        factory.ImportStoragePath.Should().StartWith(TestScratch.Folder);
        factory.SavedSnapshotDirectory.Should().StartWith(TestScratch.Folder);
        factory.ConnectionString.Should().StartWith($"Data Source={TestScratch.Folder}");
        (await TemporaryFolderOfAChildProcessAsync()).Should().Be(TestScratch.Folder.TrimEnd('/'));
    }

    [Fact]
    public async Task AnApp_WhenDisposed_DeletesItsUploadsAndPasswordFile()
    {
        var factory = await AppFactory.CreateAsync(Provider.Sqlite);
        await using (factory)
        {
            factory.StartServer();
            await factory.CreateUserAsync(Accounts.EmailFor(Roles.Analyst), Accounts.PasswordFor(Roles.Analyst), Roles.Analyst);
            using var api = await factory.ApiClientAsync(Accounts.EmailFor(Roles.Analyst));
            await api.UploadAndValidateAsync(ImportClient.Sample("nomis-esa-claimants.csv"));

            Directory.EnumerateFiles(factory.ImportStoragePath, "*", SearchOption.AllDirectories).Should().NotBeEmpty();
            File.Exists(factory.FirstAdminPasswordFile).Should().BeTrue();
        }

        Directory.Exists(factory.ImportStoragePath).Should().BeFalse();
        File.Exists(factory.FirstAdminPasswordFile).Should().BeFalse();
    }

    private static async Task<string> TemporaryFolderOfAChildProcessAsync()
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf %s \"$TMPDIR\"");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start sh.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.TrimEnd('/');
    }
}
