using Azure.Data.Tables;

namespace FactFunctions.Storage;

public static class TableBatches
{
    public const int MaxActionsPerTransaction = 100;

    /// <summary>Transactions in flight at once: they touch different rows, so they need not wait for each other.</summary>
    public const int MaxConcurrentTransactions = 8;

    /// <summary>
    /// Submits the actions as entity group transactions: grouped by partition, at most 100 to a transaction, up to
    /// <see cref="MaxConcurrentTransactions"/> at a time. Returns the number of transactions sent. Callers that need
    /// all-or-nothing visibility write a marker after this returns (snapshots write their header last).
    /// </summary>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var chunks = actions
            .GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActionsPerTransaction))
            .ToList();
        await Parallel.ForEachAsync(
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentTransactions, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false)).ConfigureAwait(false);
        return chunks.Count;
    }
}
