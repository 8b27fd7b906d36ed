using FactFunctions.Programme;

namespace FactFunctions.IntegrationTests.Programme;

internal static class SampleJson
{
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream(SampleProgramme.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
