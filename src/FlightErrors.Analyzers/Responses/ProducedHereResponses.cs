using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace FlightErrors.Analyzers;

/// <summary>
/// The responses created in a declaration's own body, once per producing expression and code (a status that can take
/// several values makes one response per value): rules about how a response is
/// produced report there, so a helper used by several actions is reported once, in the helper. Enumerated without
/// allocating (it runs for every method the rules look at).
/// </summary>
internal readonly struct ProducedHereResponses
{
    private readonly ImmutableArray<ProducedResponse> _responses;
    private readonly SyntaxNode _declaration;

    public ProducedHereResponses(ImmutableArray<ProducedResponse> responses, SyntaxNode declaration)
    {
        _responses = responses;
        _declaration = declaration;
    }

    public Enumerator GetEnumerator() => new(_responses, _declaration);

    internal struct Enumerator
    {
        private readonly ImmutableArray<ProducedResponse> _responses;
        private readonly SyntaxNode _declaration;
        private int _index;

        public Enumerator(ImmutableArray<ProducedResponse> responses, SyntaxNode declaration)
        {
            _responses = responses;
            _declaration = declaration;
            _index = -1;
        }

        public ProducedResponse Current => _responses[_index];

        public bool MoveNext()
        {
            while (++_index < _responses.Length)
            {
                if (_responses[_index].IsProducedWithin(_declaration) && !ProducedEarlier(_index))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The same producer made the same code earlier (one helper reached on several paths).</summary>
        private bool ProducedEarlier(int index)
        {
            var producer = _responses[index].Producer;
            var statusCode = _responses[index].StatusCode;
            for (var i = 0; i < index; i++)
            {
                if (_responses[i].Producer == producer && _responses[i].StatusCode == statusCode && _responses[i].IsProducedWithin(_declaration))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
