using MhEmployment.Web.Domain;
using MhEmployment.Web.Features.Accounts;
using MhEmployment.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(45);
        builder.Property(e => e.Action).HasMaxLength(50);
        builder.Property(e => e.Target).HasMaxLength(300);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => e.OccurredUtc);
        builder.HasIndex(e => new { e.Action, e.OccurredUtc });
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Infrastructure.DataProtectionKeyRecord>
{
    public void Configure(EntityTypeBuilder<Infrastructure.DataProtectionKeyRecord> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public void Configure(EntityTypeBuilder<RateLimitCounter> builder)
    {
        builder.HasKey(c => new { c.Key, c.WindowStartUtc });
        builder.Property(c => c.Key).HasMaxLength(100);
    }
}
