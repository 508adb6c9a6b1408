using Microsoft.EntityFrameworkCore;

namespace MhEmployment.Web.Data.Seed;

/// <summary>Seeds which sub-ICB locations and ICBs each local authority is linked to, once, after the geography.</summary>
public sealed partial class NhsLinkSeeder(AppDbContext db, ILogger<NhsLinkSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        if (await db.AreaNhsLinks.AnyAsync(cancellationToken))
        {
            return;
        }
        var build = NhsLinkBuilder.Build(GeographyBuilder.Build());
        if (build.UnmatchedAuthorities.Count > 0)
        {
            LogUnmatched(logger, NhsLinkBuilder.File, string.Join("; ", build.UnmatchedAuthorities));
        }
        db.AreaNhsLinks.AddRange(build.Links);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} names authorities that match none we hold, so they have no NHS links: {Authorities}")]
    private static partial void LogUnmatched(ILogger logger, string file, string authorities);
}
