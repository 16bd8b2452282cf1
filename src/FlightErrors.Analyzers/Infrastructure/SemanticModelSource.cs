using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// Hands out the semantic model of a tree for reading helper methods. The tree being analyzed uses the model the
/// analyzer driver already gave us. A helper declared in another file (a base controller's) needs that file's model:
/// inside the analyzer driver, <c>Compilation.GetSemanticModel</c> returns the driver's cached model for the tree
/// (its <c>SemanticModelProvider</c>), so this cold path does not rebind the file, and it is taken only for such helpers.
/// </summary>
internal readonly struct SemanticModelSource
{
    private readonly SemanticModel _current;

    public SemanticModelSource(SemanticModel current) => _current = current;

    public SemanticModel? For(SyntaxTree tree)
    {
        if (_current is null)
        {
            return null;
        }

        if (tree == _current.SyntaxTree)
        {
            return _current;
        }

        if (!_current.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Cold path for helpers in other files; see the type's remarks.
        return _current.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}
