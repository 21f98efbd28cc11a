"""Clinical and comfort rules in pure Python (stdlib only). Time comes from an injected Clock."""
