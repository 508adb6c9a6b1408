namespace MhEmployment.Web.Features.Exports;

/// <summary>Turns a DOCX into a PDF with LibreOffice headless, when it is installed.</summary>
public sealed class PdfConverter
{
    /// <summary>Whether LibreOffice is installed, so the PDF choice works.</summary>
    public bool IsAvailable => false;

    /// <summary>What to install when it is not (shown beside the PDF choice).</summary>
    public string InstallHint => "Install LibreOffice Writer (Debian: apt-get install libreoffice-writer-nogui) to download PDFs.";

    public Task<byte[]> ConvertDocxAsync(byte[] docx, CancellationToken cancellationToken) => throw new NotImplementedException("Being written in the pdf branch.");
}
