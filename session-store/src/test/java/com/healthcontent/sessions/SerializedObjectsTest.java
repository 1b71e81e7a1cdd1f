package com.healthcontent.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.MapSession;

/** What a session may hold comes back as it went in; anything else is refused, and the refusal names it. */
class SerializedObjectsTest {

    /** Stands for a class nobody admitted: a document written by someone else could name any class. */
    static final class Gadget implements Serializable {}

    @Test
    void aSessionWithASecurityContextComesBackAsItWasStored() {
        MapSession session = new MapSession();
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        session.setAttribute(
                "SPRING_SECURITY_CONTEXT",
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        "dr.rao", null, List.of(new SimpleGrantedAuthority("ROLE_MEDICAL_REVIEWER")))));
        SerializedObjects objects = new SerializedObjects();

        MapSession back = objects.read(objects.write(session), MapSession.class);

        assertThat(back.getId()).isEqualTo(session.getId());
        SecurityContextImpl context = back.getAttribute("SPRING_SECURITY_CONTEXT");
        assertThat(context.getAuthentication().getName()).isEqualTo("dr.rao");
        assertThat(context.getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_MEDICAL_REVIEWER");
    }

    @Test
    void aClassNobodyAdmittedIsRefusedByName() {
        MapSession session = new MapSession();
        ArrayList<Object> holder = new ArrayList<>(List.of(new Gadget()));
        session.setAttribute("planted", holder);
        SerializedObjects objects = new SerializedObjects();

        assertThatThrownBy(() -> objects.read(objects.write(session), MapSession.class))
                .hasMessageContaining(Gadget.class.getName())
                .hasMessageContaining("not admitted");
        // the application may admit what it keeps there itself
        assertThat(new SerializedObjects(Gadget.class.getName())
                        .read(objects.write(session), MapSession.class)
                        .<List<?>>getAttribute("planted"))
                .hasSize(1);
    }
}
