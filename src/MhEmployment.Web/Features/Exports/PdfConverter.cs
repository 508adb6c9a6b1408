using System.Diagnostics;
using System.Globalization;

namespace MhEmployment.Web.Features.Exports;

/// <summary>A DOCX that LibreOffice could not turn into a PDF; the message says why, in words for the reader.</summary>
public sealed class PdfConversionException(string message) : Exception(message);

/// <summary>
/// Turns a DOCX into a PDF with LibreOffice headless, when it is installed: <c>Exports:LibreOffice</c> names its
/// executable, or else <c>soffice</c> (or <c>libreoffice</c>) is looked for on the PATH. Each conversion runs in a
/// folder of its own under <see cref="ExportWork.Folder"/>, with a LibreOffice
/// profile of its own there, so conversions never share (or lock) a profile; the folder is deleted afterwards. A
/// conversion that runs past <c>Exports:PdfTimeoutSeconds</c> (default 120) or whose request is cancelled is killed with
/// every process it started. LibreOffice takes a core and a few hundred MB while it runs, so only
/// <c>Exports:PdfConversions</c> (default 1) run at a time; the others wait their turn.
/// </summary>
public sealed partial class PdfConverter : IDisposable
{
    public const string DebianPackage = "libreoffice-writer-nogui";

    private static readonly string[] ExecutableNames = ["soffice", "libreoffice"];

    private readonly ILogger<PdfConverter> _logger;
    private readonly string? _configuredPath;
    private readonly string _workRoot;
    private readonly TimeSpan _timeout;
    private readonly SemaphoreSlim _turns;

    public PdfConverter(IConfiguration configuration, ILogger<PdfConverter> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _logger = logger;
        _configuredPath = configuration["Exports:LibreOffice"] is { Length: > 0 } path ? path : null;
        Executable = _configuredPath is null ? FindOnPath() : File.Exists(_configuredPath) ? Path.GetFullPath(_configuredPath) : null;
        _workRoot = ExportWork.Folder(configuration);
        _timeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Exports:PdfTimeoutSeconds", 120)));
        var turns = Math.Max(1, configuration.GetValue("Exports:PdfConversions", 1));
        _turns = new SemaphoreSlim(turns, turns);
        if (Executable is null)
        {
            LogUnavailable(_logger, InstallHint);
        }
        else
        {
            RemoveLeftovers();
        }
    }

    /// <summary>The LibreOffice executable used; null when none was found.</summary>
    public string? Executable { get; }

    /// <summary>Whether LibreOffice is installed, so the PDF choice works.</summary>
    public bool IsAvailable => Executable is not null;

    /// <summary>What to install when it is not (shown beside the PDF choice).</summary>
    public string InstallHint => _configuredPath is not null && Executable is null
        ? $"PDF downloads need LibreOffice, which is not at {_configuredPath} (the setting Exports:LibreOffice). Install LibreOffice Writer "
            + $"(Debian and Ubuntu: apt-get install {DebianPackage}) or correct the setting, then restart the app."
        : $"PDF downloads need LibreOffice Writer. Install it (Debian and Ubuntu: apt-get install {DebianPackage}), then restart the app.";

    /// <summary>The PDF LibreOffice makes of <paramref name="docx"/>.</summary>
    /// <exception cref="PdfConversionException">LibreOffice is missing, failed, or took too long.</exception>
    public async Task<byte[]> ConvertDocxAsync(byte[] docx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docx);
        if (Executable is null)
        {
            throw new PdfConversionException(InstallHint);
        }
        await _turns.WaitAsync(cancellationToken);
        var folder = Path.Combine(_workRoot, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            var input = Path.Combine(folder, "summary.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await RunAsync(Executable, folder, input, cancellationToken);
            var output = Path.Combine(folder, "out", "summary.pdf");
            var pdf = File.Exists(output) ? await File.ReadAllBytesAsync(output, cancellationToken) : [];
            if (!pdf.AsSpan().StartsWith("%PDF-"u8))
            {
                LogNoPdf(_logger, pdf.Length);
                throw new PdfConversionException("LibreOffice ended without writing a PDF; the server's log says more.");
            }
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogConverted(_logger, docx.Length, pdf.Length, elapsed);
            return pdf;
        }
        finally
        {
            _turns.Release();
            DeleteFolder(folder);
        }
    }

    private async Task RunAsync(string executable, string folder, string input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        // A profile of its own: LibreOffice locks its profile, and a shared one would make conversions wait for (or
        // break) each other. Its temporary files go in the same folder, so they are deleted with it.
        foreach (var argument in new[]
        {
            "-env:UserInstallation=" + new Uri(Path.Combine(folder, "profile")).AbsoluteUri,
            "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            "--convert-to", "pdf:writer_pdf_Export", "--outdir", Path.Combine(folder, "out"), input,
        })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["TMPDIR"] = folder;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            LogStartFailed(_logger, ex, executable);
            throw new PdfConversionException($"LibreOffice ({executable}) could not be started: {ex.Message}.");
        }
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(_timeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(either.Token);
        }
        catch (OperationCanceledException)
        {
            // soffice starts soffice.bin (through oosplash): the whole tree goes.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                LogCancelled(_logger);
                cancellationToken.ThrowIfCancellationRequested();
            }
            LogTimedOut(_logger, _timeout.TotalSeconds);
            throw new PdfConversionException(string.Create(CultureInfo.InvariantCulture,
                $"LibreOffice took longer than {_timeout.TotalSeconds:0} seconds to make the PDF and was stopped. Try again, or download the Word document."));
        }
        var (output, errors) = (await stdout, await stderr);
        if (process.ExitCode != 0)
        {
            LogFailed(_logger, process.ExitCode, errors.Trim(), output.Trim());
            throw new PdfConversionException($"LibreOffice could not make the PDF (exit code {process.ExitCode}); the server's log says more.");
        }
    }

    private static string? FindOnPath()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return ExecutableNames.SelectMany(name => folders.Select(folder => Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>Folders a stopped process left behind (a conversion's folder lives no longer than its time limit).</summary>
    private void RemoveLeftovers()
    {
        if (!Directory.Exists(_workRoot))
        {
            return;
        }
        var cutoff = DateTime.UtcNow - _timeout - TimeSpan.FromHours(1);
        foreach (var folder in Directory.EnumerateDirectories(_workRoot).Where(f => Directory.GetLastWriteTimeUtc(f) < cutoff))
        {
            DeleteFolder(folder);
        }
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotDeleted(_logger, ex, folder);
        }
    }

    public void Dispose() => _turns.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "PDF downloads are off: {Hint}")]
    private static partial void LogUnavailable(ILogger logger, string hint);

    [LoggerMessage(Level = LogLevel.Information, Message = "LibreOffice turned a {DocxBytes}-byte DOCX into a {PdfBytes}-byte PDF in {Milliseconds:0} ms")]
    private static partial void LogConverted(ILogger logger, int docxBytes, int pdfBytes, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "LibreOffice ({Executable}) could not be started")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string executable);

    [LoggerMessage(Level = LogLevel.Error, Message = "LibreOffice failed with exit code {ExitCode}: {Errors} {Output}")]
    private static partial void LogFailed(ILogger logger, int exitCode, string errors, string output);

    [LoggerMessage(Level = LogLevel.Error, Message = "LibreOffice exited successfully but wrote no PDF ({Bytes} bytes where the PDF should be)")]
    private static partial void LogNoPdf(ILogger logger, int bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "LibreOffice ran past its time limit of {Seconds} s and was stopped")]
    private static partial void LogTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "A PDF conversion was cancelled and LibreOffice stopped")]
    private static partial void LogCancelled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the conversion folder {Folder}")]
    private static partial void LogNotDeleted(ILogger logger, Exception exception, string folder);
}
