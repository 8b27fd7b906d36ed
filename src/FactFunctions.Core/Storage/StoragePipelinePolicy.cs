using Azure.Core.Pipeline;

namespace FactFunctions.Storage;

/// <summary>
/// A policy added to both storage clients' pipelines when registered in DI. Production registers none; tests use it
/// to count storage calls and to inject faults at a chosen call.
/// </summary>
public abstract class StoragePipelinePolicy : HttpPipelinePolicy;
