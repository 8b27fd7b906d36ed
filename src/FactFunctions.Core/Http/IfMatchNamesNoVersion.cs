namespace FactFunctions.Http;

/// <summary>
/// Thrown by <see cref="HttpConditions.From"/> when If-Match names no version a record can have (a made-up tag, a bare
/// token, several tags): the request pipeline answers 412 before storage is asked, which would refuse such a header.
/// </summary>
public sealed class IfMatchNamesNoVersion : Exception
{
    public IfMatchNamesNoVersion()
        : base("If-Match names no version a record can have.")
    {
    }

    public IfMatchNamesNoVersion(string message)
        : base(message)
    {
    }

    public IfMatchNamesNoVersion(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
