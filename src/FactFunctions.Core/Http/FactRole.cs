namespace FactFunctions.Http;

public enum FactRole
{
    /// <summary>Reads programme data and downloads papers.</summary>
    Officer,

    /// <summary>Everything an officer can do, plus writes and report generation.</summary>
    ProgrammeLead,
}
