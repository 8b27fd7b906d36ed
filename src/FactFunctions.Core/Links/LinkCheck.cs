namespace FactFunctions.Links;

/// <summary>What a request's signed-link parameters say about it.</summary>
public enum LinkCheck
{
    /// <summary>The request carries no signature.</summary>
    Unsigned,

    /// <summary>Signed by us for this path and not yet expired.</summary>
    Valid,

    /// <summary>Signed by us for this path, but past its expiry.</summary>
    Expired,

    /// <summary>A signature that is not ours for this path (tampered, for another page, or signed with a retired key).</summary>
    Invalid,
}
