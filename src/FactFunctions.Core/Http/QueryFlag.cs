using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>A boolean query flag (<c>dryRun=true</c>).</summary>
public static class QueryFlag
{
    /// <summary>Absent is false; null when it is neither true nor false.</summary>
    public static bool? Read(HttpRequest request, string name) => request.Query[name].FirstOrDefault() switch
    {
        null => false,
        { } text when bool.TryParse(text, out bool value) => value,
        _ => null,
    };
}
