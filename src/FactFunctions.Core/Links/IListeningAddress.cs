namespace FactFunctions.Links;

/// <summary>A host that knows where it listens (LocalHost, after start) offers it as the default public address.</summary>
public interface IListeningAddress
{
    /// <summary>The first address the host listens on, or null before it has started.</summary>
    Uri? Find();
}
