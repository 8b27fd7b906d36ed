using System.Globalization;
using System.Text.Json;
using FactFunctions.Storage;

namespace FactFunctions.Programme.Outcomes;

/// <summary>
/// Meeting outcomes, one JSON blob per meeting (<c>programme/outcomes/{board}/{date}.json</c>): a discussion can be
/// longer than a table property holds, and the blob's ETag guards a PUT as a row's would.
/// </summary>
public sealed class OutcomeStore(FactStorage storage)
{
    private const string Prefix = "outcomes/";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public async Task<MeetingOutcomeView?> GetAsync(string board, DateOnly date, CancellationToken ct)
    {
        var (outcome, etag) = await BlobWrites.GetJsonAsync<MeetingOutcome>(await BlobAsync(board, date, ct), Json, ct);
        return outcome is null ? null : View(board, date, outcome, etag);
    }

    public async Task<WriteResult> PutAsync(string board, DateOnly date, MeetingOutcome outcome, Precondition precondition, CancellationToken ct) =>
        await BlobWrites.PutJsonAsync(await BlobAsync(board, date, ct), new MeetingOutcome
        {
            Resolution = outcome.Resolution,
            Discussion = outcome.Discussion,
            Actions = outcome.Actions,
        }, Json, precondition, ct);

    /// <summary>Removes a meeting's outcome with its meeting; true when there was one.</summary>
    public async Task<bool> DeleteAsync(string board, DateOnly date, CancellationToken ct) =>
        (await (await BlobAsync(board, date, ct)).DeleteIfExistsAsync(cancellationToken: ct)).Value;

    /// <summary>Every outcome, by board then date.</summary>
    public async Task<IReadOnlyList<MeetingOutcomeView>> ListAsync(CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Containers.Programme, ct);
        var found = new List<MeetingOutcomeView>();
        await foreach (var item in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix, ct))
        {
            string[] parts = item.Name[Prefix.Length..].Split('/');
            if (parts.Length != 2 || !DateOnly.TryParseExact(parts[1].Replace(".json", string.Empty, StringComparison.Ordinal), "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                continue;
            }

            var (outcome, etag) = await BlobWrites.GetJsonAsync<MeetingOutcome>(container.GetBlobClient(item.Name), Json, ct);
            if (outcome is not null)
            {
                found.Add(View(parts[0], date, outcome, etag));
            }
        }

        return [.. found.OrderBy(o => o.Board, StringComparer.Ordinal).ThenBy(o => o.Date)];
    }

    private async Task<Azure.Storage.Blobs.BlobClient> BlobAsync(string board, DateOnly date, CancellationToken ct) =>
        (await storage.ContainerAsync(Containers.Programme, ct)).GetBlobClient($"{Prefix}{board}/{EntityText.Date(date)}.json");

    private static MeetingOutcomeView View(string board, DateOnly date, MeetingOutcome outcome, string? etag) => new()
    {
        Board = board,
        Date = date,
        Resolution = outcome.Resolution,
        Discussion = outcome.Discussion,
        Actions = outcome.Actions,
        ETag = etag,
    };
}
