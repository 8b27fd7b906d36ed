using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FactFunctions.Storage;

namespace FactFunctions.Email;

public static class ReminderStatus
{
    public const string Sending = "sending";
    public const string Sent = "sent";
}

public sealed record ReminderLogEntry
{
    public required string Key { get; init; }

    public required string Kind { get; init; }

    public required string BoardId { get; init; }

    public string? Scope { get; init; }

    public DateOnly DueDate { get; init; }

    public string? Recipient { get; init; }

    public string? Subject { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? Channel { get; init; }

    public string? MessageId { get; init; }
}

public enum ClaimOutcome
{
    Claimed,
    AlreadySent,
    InProgress,
}

/// <summary>
/// The sent-log, and the claim that makes each email go once. A run claims a row with a conditional insert before
/// sending; the row becomes "sent" only after the provider accepted the email, and is deleted (released) if it did
/// not, so the next run tries again. A claim left by a crashed sender is taken over after a timeout.
/// </summary>
public sealed class ReminderLog(FactStorage storage, TimeProvider time)
{
    public const string LogTable = "ReminderLog";
    private const string Partition = "reminder";

    public static string KeyOf(string kind, string scope, string recipient) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}|{scope}|{recipient.ToLowerInvariant()}")))[..40];

    public async Task<(ClaimOutcome Outcome, ETag ETag)> ClaimAsync(ReminderLogEntry entry, TimeSpan claimTimeout, CancellationToken ct)
    {
        var table = await storage.TableAsync(LogTable, ct);
        var now = time.GetUtcNow();
        var row = Entity(entry with { Status = ReminderStatus.Sending, ClaimedAt = now });
        try
        {
            var added = await table.AddEntityAsync(row, ct);
            return (ClaimOutcome.Claimed, added.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(Partition, entry.Key, cancellationToken: ct);
            if (!existing.HasValue)
            {
                return (ClaimOutcome.InProgress, default);
            }

            var current = existing.Value!;
            if (current.GetString("Status") == ReminderStatus.Sent)
            {
                return (ClaimOutcome.AlreadySent, default);
            }

            if (current.GetDateTimeOffset("ClaimedAt") is { } claimedAt && claimedAt < now - claimTimeout)
            {
                try
                {
                    var taken = await table.UpdateEntityAsync(row, current.ETag, TableUpdateMode.Replace, ct);
                    return (ClaimOutcome.Claimed, taken.Headers.ETag ?? ETag.All);
                }
                catch (RequestFailedException conflict) when (conflict.Status is 412 or 404)
                {
                    return (ClaimOutcome.InProgress, default);
                }
            }

            return (ClaimOutcome.InProgress, default);
        }
    }

    public async Task MarkSentAsync(ReminderLogEntry entry, ETag claim, SendResult result, CancellationToken ct)
    {
        var table = await storage.TableAsync(LogTable, ct);
        var row = Entity(entry with { Status = ReminderStatus.Sent, SentAt = time.GetUtcNow(), Channel = result.Channel, MessageId = result.MessageId });
        await table.UpdateEntityAsync(row, claim, TableUpdateMode.Replace, ct);
    }

    public async Task ReleaseAsync(string key, ETag claim, CancellationToken ct)
    {
        var table = await storage.TableAsync(LogTable, ct);
        try
        {
            await table.DeleteEntityAsync(Partition, key, claim, ct);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Someone took the claim over meanwhile; it is theirs to finish.
        }
    }

    public async Task<ReminderLogEntry?> GetAsync(string key, CancellationToken ct) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey eq {key}"), ct)).FirstOrDefault();

    public async Task<IReadOnlyList<ReminderLogEntry>> ListAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var table = await storage.TableAsync(LogTable, ct);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        if (from is { } f)
        {
            filter += " and " + TableClient.CreateQueryFilter($"DueDate ge {EntityText.Date(f)}");
        }

        if (to is { } t)
        {
            filter += " and " + TableClient.CreateQueryFilter($"DueDate le {EntityText.Date(t)}");
        }

        return (await QueryAsync(filter, ct)).OrderBy(e => e.DueDate).ThenBy(e => e.SentAt).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    private async Task<List<ReminderLogEntry>> QueryAsync(string filter, CancellationToken ct)
    {
        var table = await storage.TableAsync(LogTable, ct);
        var list = new List<ReminderLogEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            list.Add(new ReminderLogEntry
            {
                Key = e.RowKey,
                Kind = e.GetString("Kind")!,
                BoardId = e.GetString("BoardId")!,
                Scope = e.GetString("Scope"),
                DueDate = EntityText.GetDate(e, "DueDate") ?? default,
                Recipient = e.GetString("Recipient"),
                Subject = e.GetString("Subject"),
                Status = e.GetString("Status")!,
                ClaimedAt = e.GetDateTimeOffset("ClaimedAt"),
                SentAt = e.GetDateTimeOffset("SentAt"),
                Channel = e.GetString("Channel"),
                MessageId = e.GetString("MessageId"),
            });
        }

        return list;
    }

    private static TableEntity Entity(ReminderLogEntry entry) => new(Partition, entry.Key)
    {
        ["Kind"] = entry.Kind,
        ["BoardId"] = entry.BoardId,
        ["Scope"] = entry.Scope,
        ["DueDate"] = EntityText.Date(entry.DueDate),
        ["Recipient"] = entry.Recipient,
        ["Subject"] = entry.Subject,
        ["Status"] = entry.Status,
        ["ClaimedAt"] = entry.ClaimedAt,
        ["SentAt"] = entry.SentAt,
        ["Channel"] = entry.Channel,
        ["MessageId"] = entry.MessageId,
    };
}
