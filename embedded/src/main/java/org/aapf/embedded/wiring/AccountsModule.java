package org.aapf.embedded.wiring;

import dagger.Binds;
import dagger.Module;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.EnsureTrustedUserUseCase;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.RequireAdminQuery;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.service.account.ListUserUsageService;
import org.aapf.application.service.account.RequireAdminService;
import org.aapf.application.service.account.SetAdminService;
import org.aapf.application.service.account.SetUserLimitsService;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.in.ListApiTokensQuery;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.application.service.account.AddUserService;
import org.aapf.application.service.account.EnsureTrustedUserService;
import org.aapf.application.service.account.AuthenticateService;
import org.aapf.application.service.account.ChangePasswordService;
import org.aapf.application.service.account.CreateApiTokenService;
import org.aapf.application.service.account.DeleteApiTokenService;
import org.aapf.application.service.account.GetApiTokenService;
import org.aapf.application.service.account.ListApiTokensService;
import org.aapf.application.service.account.ListUsersService;
import org.aapf.application.service.account.LoginService;
import org.aapf.application.service.account.LogoutService;
import org.aapf.application.service.account.RefreshAccessTokenService;
import org.aapf.application.service.account.RemoveUserService;
import org.aapf.application.service.account.SetUserPasswordService;

/** The account use cases, each bound to its service. */
@Module
interface AccountsModule {

    @Binds
    LoginUseCase login(LoginService service);

    @Binds
    AuthenticateUseCase authenticate(AuthenticateService service);

    @Binds
    RefreshAccessTokenUseCase refresh(RefreshAccessTokenService service);

    @Binds
    LogoutUseCase logout(LogoutService service);

    @Binds
    ChangePasswordUseCase changePassword(ChangePasswordService service);

    @Binds
    CreateApiTokenUseCase createApiToken(CreateApiTokenService service);

    @Binds
    ListApiTokensQuery listApiTokens(ListApiTokensService service);

    @Binds
    GetApiTokenQuery getApiToken(GetApiTokenService service);

    @Binds
    DeleteApiTokenUseCase deleteApiToken(DeleteApiTokenService service);

    @Binds
    AddUserUseCase addUser(AddUserService service);

    @Binds
    EnsureTrustedUserUseCase ensureTrustedUser(EnsureTrustedUserService service);

    @Binds
    SetUserPasswordUseCase setUserPassword(SetUserPasswordService service);

    @Binds
    ListUsersQuery listUsers(ListUsersService service);

    @Binds
    RemoveUserUseCase removeUser(RemoveUserService service);

    @Binds
    SetUserLimitsUseCase setLimits(SetUserLimitsService service);

    @Binds
    SetAdminUseCase setAdmin(SetAdminService service);

    @Binds
    RequireAdminQuery requireAdmin(RequireAdminService service);

    @Binds
    ListUserUsageQuery userUsage(ListUserUsageService service);
}
