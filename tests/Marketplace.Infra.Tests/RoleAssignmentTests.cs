using System.Text.RegularExpressions;

namespace Marketplace.Infra.Tests;

/// <summary>The Function App's identity gets every role it uses, on the resource it uses it on, and nothing more.</summary>
public partial class RoleAssignmentTests
{
    /// <summary>Built-in role definition ids (the same in every tenant) and the resource type each is scoped to.</summary>
    public static TheoryData<string, string, string> AppRoles => new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts" },
        { "Key Vault Crypto Officer", "14b46e9e-c2b7-41b4-b07b-48a6ebf60603", "Microsoft.KeyVault/vaults" },
        { "Search Index Data Contributor", "8ebe5a00-799e-43f5-93ac-243d3dce84a7", "Microsoft.Search/searchServices" },
        { "Search Service Contributor", "7ca78c08-252a-4471-8644-bb5ff32d4ba0", "Microsoft.Search/searchServices" },
        { "Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Microsoft.ServiceBus/namespaces" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components" },
    };

    /// <summary>Role assignments whose principal traces back to the Function App's system-assigned identity.</summary>
    private static List<(string RoleId, string Scope, ArmResource Assignment)> AppAssignments() =>
        CompiledInfra.Main.OfType("Microsoft.Authorization/roleAssignments")
            .Where(IsForTheApp)
            .Select(a => (RoleId(a), a.Json.GetProperty("scope").GetString() ?? "", a))
            .ToList();

    private static bool IsForTheApp(ArmResource assignment)
    {
        var principal = assignment.StringAt("properties", "principalId") ?? "";
        var trace = ExpressionTracer.Trace(assignment.Owner, principal);
        return trace.Mentions("resourceId('Microsoft.Web/sites'") && trace.Mentions("identity.principalId");
    }

    private static string RoleId(ArmResource assignment) =>
        RoleGuid().Match(assignment.StringAt("properties", "roleDefinitionId") ?? "").Value.ToLowerInvariant();

    [Theory]
    [MemberData(nameof(AppRoles))]
    public void AppIdentity_Role_IsAssignedOnItsResource(string role, string roleId, string scopeType)
    {
        var scopes = AppAssignments().Where(a => a.RoleId == roleId).Select(a => a.Scope).ToList();

        Assert.True(scopes.Count == 1, $"{role}: expected one assignment to the app, found {scopes.Count}");
        Assert.Contains($"'{scopeType}'", scopes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AppIdentity_Roles_AreOnlyTheOnesTheAppUses()
    {
        var expected = AppRoles.Select(row => (string)row[1]).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(AppAssignments().Where(a => !expected.Contains(a.RoleId)).Select(a => a.RoleId));
    }

    [Fact]
    public void AppIdentity_Assignments_NamePrincipalTypeServicePrincipal()
    {
        // Without it ARM may look the principal up before the new identity has replicated, and fail.
        var assignments = AppAssignments();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.Equal("ServicePrincipal", a.Assignment.StringAt("properties", "principalType")));
    }

    [Fact]
    public void AppIdentity_Roles_NeverIncludeOwnerContributorOrKeyAccess()
    {
        // Owner, Contributor, User Access Administrator, Storage Account Key Operator, Key Vault Administrator.
        string[] broad =
        [
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c",
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "81a9662b-bebf-436f-a333-f67b29880f12",
            "00482a5a-887f-4fb3-b363-3b7fe8e74483",
        ];

        Assert.Empty(CompiledInfra.Main.OfType("Microsoft.Authorization/roleAssignments").Select(RoleId).Intersect(broad));
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex RoleGuid();
}
