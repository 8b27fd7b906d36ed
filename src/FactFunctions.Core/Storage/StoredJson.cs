using System.Text.Json;

namespace FactFunctions.Storage;

/// <summary>How records are written into a JSON column of a table row (blocks, members, meetings): camelCase, the web defaults.</summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
