using MhEmployment.Web.Domain;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace MhEmployment.Web.Data;

/// <summary>
/// EF indexes every foreign key that no other index starts with, and puts the index back if it is removed. The
/// values table's area key is the one exception: areas are reference data, never deleted while values point at them,
/// so an index there would only be one more write per row on every bulk import (about a third of a 1M-row commit).
/// </summary>
internal sealed class ValuesAreaKeyUnindexed(ProviderConventionSetBuilderDependencies dependencies) : ForeignKeyIndexConvention(dependencies)
{
    protected override IConventionIndex? CreateIndex(
        IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        entityTypeBuilder.Metadata.ClrType == typeof(IndicatorValue) && properties is [{ Name: nameof(IndicatorValue.AreaCode) }]
            ? null
            : base.CreateIndex(properties, unique, entityTypeBuilder);
}
