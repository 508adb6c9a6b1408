using System.Text.Json;
using System.Text.Json.Serialization;

namespace MhEmployment.Web.Features.Imports;

/// <summary>How an import's summary and the analyst's series choices are kept as JSON.</summary>
public static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
