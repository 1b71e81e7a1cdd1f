package com.healthcontent.auth.account;

import com.healthcontent.events.Changed;
import com.healthcontent.events.IntegrationEvent;
import com.healthcontent.messaging.outbox.Outbox;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The staff accounts in auth-server's database, shared by every instance: who may sign in, with which roles. Sign-in
 * reads them here ({@link UserDetailsService}); a password hash in an outdated format is replaced by the current one
 * at the next successful sign-in ({@link UserDetailsPasswordService}).
 */
@Service
public class StaffAccounts implements UserDetailsService, UserDetailsPasswordService {

    private final MongoTemplate mongoTemplate;
    /** What a password is checked against when an account has none yet: as slow to check as a real one. */
    private final String noPassword;

    private final Outbox outbox;

    StaffAccounts(MongoTemplate mongoTemplate, Outbox outbox, PasswordEncoder passwordEncoder) {
        this.mongoTemplate = mongoTemplate;
        this.outbox = outbox;
        this.noPassword = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public Optional<StaffAccount> find(String username) {
        return Optional.ofNullable(mongoTemplate.findById(username, StaffAccount.class));
    }

    public boolean isEnabled(String username) {
        return mongoTemplate.exists(
                Query.query(Criteria.where("_id").is(username).and("enabled").is(true)), StaffAccount.class);
    }

    /** Everyone, by username. */
    public List<StaffAccount> all() {
        return mongoTemplate.find(new Query().with(Sort.by("_id")), StaffAccount.class);
    }

    public boolean any() {
        return mongoTemplate.exists(new Query(), StaffAccount.class);
    }

    /**
     * A new account, with the events of its creation (none for the first accounts of an installation); false when the
     * username is taken (by another instance a moment ago, for example).
     */
    public boolean create(StaffAccount account, IntegrationEvent... events) {
        try {
            outbox.insert(Changed.of(account, events));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /**
     * The account's new state with the event of the change, in one write, refused when someone else changed it since
     * it was read ({@link org.springframework.dao.OptimisticLockingFailureException}).
     */
    StaffAccount save(StaffAccount changed, IntegrationEvent event) {
        return outbox.save(Changed.of(changed, event));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccount account = find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        return User.withUsername(account.username())
                .password(account.passwordHash() == null ? noPassword : account.passwordHash())
                .roles(account.roles().toArray(String[]::new))
                .disabled(!account.enabled())
                .build();
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        mongoTemplate.updateFirst(
                Query.query(Criteria.where("_id").is(user.getUsername())),
                new Update().set("passwordHash", newPasswordHash).inc("version", 1),
                StaffAccount.class);
        return User.withUserDetails(user).password(newPasswordHash).build();
    }
}
