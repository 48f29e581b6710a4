-- Identity (decision 004): the keys that sign access tokens and the refresh tokens.

-- RSA key pairs of the access tokens, kid = the JWS "kid" header. The newest key that is not
-- retired signs; a retired key's public half stays in the JWKS until every token it signed
-- has expired. The private key is stored here, in the service's own database, unwrapped:
-- only ticket-service can read this database, and a backup of it already holds every
-- password hash and refresh token hash. Wrapping it with a KMS is a later step.
create table signing_keys (
    kid         text primary key,
    private_key bytea not null,        -- PKCS#8 DER
    public_key  bytea not null,        -- X.509 SubjectPublicKeyInfo DER
    created_at  timestamptz not null default now(),
    retired_at  timestamptz
);

-- Refresh tokens: opaque 256-bit values stored only as SHA-256 hashes. Every use rotates the
-- token within its family (one log-in); a token used after its rotation revokes the family.
create table refresh_tokens (
    id         uuid primary key,
    family_id  uuid not null,
    tenant_id  uuid not null references tenants,
    user_id    uuid not null references users,
    token_hash bytea not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz
);

-- Revoking a family (reuse, log-out).
create index refresh_tokens_family_idx on refresh_tokens (family_id);
-- Revoking every session of a deactivated user.
create index refresh_tokens_user_idx on refresh_tokens (user_id) where revoked_at is null;
-- Pruning expired tokens.
create index refresh_tokens_expiry_idx on refresh_tokens (expires_at);

-- The admins' user list, keyset-paginated on the (time-ordered, v7) id.
create index users_tenant_id_idx on users (tenant_id, id);
