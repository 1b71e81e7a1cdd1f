package com.healthcontent.auth.passkey;

import com.healthcontent.auth.account.StaffMail;
import com.healthcontent.auth.audit.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/**
 * The staff's passkeys, in auth-server's database so that every instance signs people in with them. A passkey is a
 * public key only: nothing here lets anyone sign in. Adding and removing one is in the audit trail, and the person
 * is told by e-mail when one is added, since a passkey added by someone who stole their password would let that
 * someone in for good.
 */
@Service
public class Passkeys implements UserCredentialRepository {

    /** A passkey's name as its holder sees it, e.g. "Work laptop": at most this many characters. */
    public static final int MAX_LABEL = 60;

    @Document("passkeys")
    record StoredPasskey(
            @Id String credentialId,
            @Indexed String userId,
            @Indexed String username,
            String type,
            String publicKey,
            long signatureCount,
            boolean uvInitialized,
            Set<String> transports,
            boolean backupEligible,
            boolean backupState,
            String attestationObject,
            String attestationClientDataJson,
            String label,
            Instant created,
            Instant lastUsed) {}

    /** What a person (or an administrator) sees of a passkey. */
    public record PasskeyView(String id, String label, Instant created, Instant lastUsed) {}

    private final MongoTemplate mongoTemplate;
    private final PasskeyHolders holders;
    private final AuditTrail audit;
    private final StaffMail mail;

    Passkeys(MongoTemplate mongoTemplate, PasskeyHolders holders, AuditTrail audit, StaffMail mail) {
        this.mongoTemplate = mongoTemplate;
        this.holders = holders;
        this.audit = audit;
        this.mail = mail;
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        StoredPasskey stored = mongoTemplate.findById(credentialId.toBase64UrlString(), StoredPasskey.class);
        return stored == null ? null : record(stored);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return mongoTemplate
                .find(Query.query(Criteria.where("userId").is(userId.toBase64UrlString())), StoredPasskey.class)
                .stream()
                .map(Passkeys::record)
                .toList();
    }

    /** A new passkey, or one that has just signed someone in (its signature count and last use). */
    @Override
    public void save(CredentialRecord record) {
        String id = record.getCredentialId().toBase64UrlString();
        boolean added = !mongoTemplate.exists(Query.query(Criteria.where("_id").is(id)), StoredPasskey.class);
        PublicKeyCredentialUserEntity holder = holders.findById(record.getUserEntityUserId());
        String username = holder == null ? null : holder.getName();
        mongoTemplate.save(new StoredPasskey(
                id,
                record.getUserEntityUserId().toBase64UrlString(),
                username,
                record.getCredentialType() == null
                        ? null
                        : record.getCredentialType().getValue(),
                new Bytes(record.getPublicKey().getBytes()).toBase64UrlString(),
                record.getSignatureCount(),
                record.isUvInitialized(),
                record.getTransports().stream()
                        .map(AuthenticatorTransport::getValue)
                        .collect(Collectors.toSet()),
                record.isBackupEligible(),
                record.isBackupState(),
                base64(record.getAttestationObject()),
                base64(record.getAttestationClientDataJSON()),
                record.getLabel(),
                record.getCreated(),
                record.getLastUsed()));
        if (added && username != null) {
            audit.record("PASSKEY_ADDED", username, username, null, Map.of("label", record.getLabel()));
            mail.passkeyAdded(username, record.getLabel());
        }
    }

    /** Removed by its holder (Spring Security checks that the passkey is theirs). */
    @Override
    public void delete(Bytes credentialId) {
        StoredPasskey stored = mongoTemplate.findById(credentialId.toBase64UrlString(), StoredPasskey.class);
        if (stored != null) {
            mongoTemplate.remove(stored);
            audit.record(
                    "PASSKEY_REMOVED", stored.username(), stored.username(), null, Map.of("label", stored.label()));
        }
    }

    public List<PasskeyView> of(String username) {
        return mongoTemplate
                .find(
                        Query.query(Criteria.where("username").is(username)).with(Sort.by("created")),
                        StoredPasskey.class)
                .stream()
                .map(stored ->
                        new PasskeyView(stored.credentialId(), stored.label(), stored.created(), stored.lastUsed()))
                .toList();
    }

    /**
     * Whether this sign-in may add or remove passkeys: a password adds only the first one, anything else needs a
     * sign-in with a passkey ({@link PasskeyChanges}).
     */
    public boolean mayChange(Authentication signedIn) {
        return PasskeyRequirement.usedPasskey(signedIn)
                || !mongoTemplate.exists(
                        Query.query(Criteria.where("username").is(signedIn.getName())), StoredPasskey.class);
    }

    /** One of the person's own passkeys, removed by them; false when they have none with that id. */
    public boolean removeOwn(String username, String id) {
        StoredPasskey stored = mongoTemplate.findById(id, StoredPasskey.class);
        if (stored == null || !username.equals(stored.username())) {
            return false;
        }
        delete(Bytes.fromBase64(id));
        return true;
    }

    /** All of a person's passkeys, removed by an administrator (a lost device): they enrol again with a password. */
    public int removeAll(String username, String by) {
        long removed = mongoTemplate
                .remove(Query.query(Criteria.where("username").is(username)), StoredPasskey.class)
                .getDeletedCount();
        if (removed > 0) {
            audit.record("PASSKEYS_REMOVED", by, username, null, Map.of("count", Long.toString(removed)));
        }
        return (int) removed;
    }

    private static CredentialRecord record(StoredPasskey stored) {
        return ImmutableCredentialRecord.builder()
                .credentialType(stored.type() == null ? null : PublicKeyCredentialType.valueOf(stored.type()))
                .credentialId(Bytes.fromBase64(stored.credentialId()))
                .userEntityUserId(Bytes.fromBase64(stored.userId()))
                .publicKey(new ImmutablePublicKeyCose(
                        Bytes.fromBase64(stored.publicKey()).getBytes()))
                .signatureCount(stored.signatureCount())
                .uvInitialized(stored.uvInitialized())
                .transports(stored.transports().stream()
                        .map(AuthenticatorTransport::valueOf)
                        .collect(Collectors.toSet()))
                .backupEligible(stored.backupEligible())
                .backupState(stored.backupState())
                .attestationObject(
                        stored.attestationObject() == null ? null : Bytes.fromBase64(stored.attestationObject()))
                .attestationClientDataJSON(
                        stored.attestationClientDataJson() == null
                                ? null
                                : Bytes.fromBase64(stored.attestationClientDataJson()))
                .label(stored.label())
                .created(stored.created())
                .lastUsed(stored.lastUsed())
                .build();
    }

    private static String base64(Bytes bytes) {
        return bytes == null ? null : bytes.toBase64UrlString();
    }
}
