namespace FactFunctions.Programme;

/// <summary>
/// The standing text changed between being read and an import that rewrites it; the import wrote nothing (the text is
/// its first write), so it can be sent again.
/// </summary>
public sealed class ProgrammeTextChangedException : Exception
{
    public ProgrammeTextChangedException()
        : base("The programme's standing text changed since it was read; nothing was written.")
    {
    }

    public ProgrammeTextChangedException(string message)
        : base(message)
    {
    }

    public ProgrammeTextChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
