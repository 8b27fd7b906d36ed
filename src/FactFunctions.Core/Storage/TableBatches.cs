using Azure.Data.Tables;

namespace FactFunctions.Storage;

public static class TableBatches
{
    public const int MaxActionsPerTransaction = 100;

    /// <summary>
    /// Submits the actions as entity group transactions: grouped by partition, at most 100 to a transaction.
    /// Returns the number of transactions sent.
    /// </summary>
    public static async Task<int> SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        int sent = 0;
        foreach (var partition in actions.GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(MaxActionsPerTransaction))
            {
                await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
                sent++;
            }
        }

        return sent;
    }
}
