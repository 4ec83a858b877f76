package be.spil.security;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {
    Optional<Account> findByPersonId(Long personId);

    /** A right password: no version check, so simultaneous sign-ins of one account (scripts, agents) never collide. */
    @Modifying
    @Query("update account set failed_attempts = 0, locked_until = null, last_sign_in = :now where id = :id")
    void signedIn(long id, java.sql.Timestamp now);

    /** A wrong password, counted in the database so simultaneous failures all count; locks at {@code max}. */
    @Modifying
    @Query("""
        update account set locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end,
          failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
        where id = :id""")
    void failed(long id, int max, java.sql.Timestamp until);
}
