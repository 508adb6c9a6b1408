using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MhEmployment.Web.Data.Configurations;

public sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(9);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.RegionCode).HasMaxLength(9);
        builder.Property(a => a.ParentCode).HasMaxLength(9);
        builder.Property(a => a.OdsCode).HasMaxLength(10);
        builder.HasIndex(a => a.Kind);
        builder.HasIndex(a => a.RegionCode);
        builder.HasIndex(a => a.ParentCode);
        builder.HasIndex(a => a.Name);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Area>().WithMany().HasForeignKey(a => a.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AreaSuccessionConfiguration : IEntityTypeConfiguration<AreaSuccession>
{
    public void Configure(EntityTypeBuilder<AreaSuccession> builder)
    {
        builder.HasKey(s => new { s.PredecessorCode, s.SuccessorCode });
        builder.Property(s => s.PredecessorCode).HasMaxLength(9);
        builder.Property(s => s.SuccessorCode).HasMaxLength(9);
        builder.HasOne(s => s.Predecessor).WithMany(a => a.Successors)
            .HasForeignKey(s => s.PredecessorCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Successor).WithMany(a => a.Predecessors)
            .HasForeignKey(s => s.SuccessorCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.SuccessorCode);
    }
}
