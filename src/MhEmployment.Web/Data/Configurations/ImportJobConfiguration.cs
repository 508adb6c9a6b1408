using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.RequestedBy).HasMaxLength(256);
        builder.Property(j => j.Owner).HasMaxLength(200);
        // Workers look for unclaimed jobs and for leases run out; pages look up an import's job for its progress.
        builder.HasIndex(j => j.ImportId);
        builder.HasIndex(j => new { j.Owner, j.LeaseExpiresUtc });
        builder.HasOne(j => j.Import).WithMany().HasForeignKey(j => j.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}
