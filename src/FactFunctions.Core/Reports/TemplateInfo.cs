using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using FactFunctions.Storage;

namespace FactFunctions.Reports;

public sealed record TemplateInfo(string Kind, string Version, bool BuiltIn, long Size, string Sha256, DateTimeOffset? UploadedAt);
