namespace FactFunctions.LocalHost;

public sealed class LocalHostOptions
{
    public const string Section = "Fact:LocalHost";

    /// <summary>Import the FACT sample programme at start when storage holds no projects (run-local.sh sets it).</summary>
    public bool LoadSampleWhenEmpty { get; set; }
}
