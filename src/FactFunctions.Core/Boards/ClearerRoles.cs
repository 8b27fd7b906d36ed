namespace FactFunctions.Boards;

/// <summary>What a clearer answers for: the director the whole paper, finance and legal their implications sections, others the sections named.</summary>
public static class ClearerRoles
{
    public const string Director = "director";
    public const string Finance = "finance";
    public const string Legal = "legal";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Director, Finance, Legal, Other];
}
