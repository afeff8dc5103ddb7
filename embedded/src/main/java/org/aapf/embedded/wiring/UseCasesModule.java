package org.aapf.embedded.wiring;

import dagger.Module;
import dagger.Provides;
import org.aapf.application.port.in.AddUserUseCase;
import org.aapf.application.port.in.AuthenticateUseCase;
import org.aapf.application.port.in.ChangePasswordUseCase;
import org.aapf.application.port.in.CreateApiTokenUseCase;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.DeleteApiTokenUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.GetApiTokenQuery;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.in.ListApiTokensQuery;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ListImagesQuery;
import org.aapf.application.port.in.ListPerfTypesQuery;
import org.aapf.application.port.in.ListUserUsageQuery;
import org.aapf.application.port.in.ListUsersQuery;
import org.aapf.application.port.in.SetAdminUseCase;
import org.aapf.application.port.in.SetUserLimitsUseCase;
import org.aapf.application.port.in.LoginUseCase;
import org.aapf.application.port.in.LogoutUseCase;
import org.aapf.application.port.in.RefreshAccessTokenUseCase;
import org.aapf.application.port.in.RemoveUserUseCase;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.SetUserPasswordUseCase;
import org.aapf.embedded.usecases.AccountUseCases;
import org.aapf.embedded.usecases.ApiTokenUseCases;
import org.aapf.embedded.usecases.CatalogueUseCases;
import org.aapf.embedded.usecases.ClusterUseCases;
import org.aapf.embedded.usecases.UserUseCases;

/** The inbound ports, grouped the way {@code Aapf} hands them to an embedder. */
@Module
interface UseCasesModule {

    @Provides
    static AccountUseCases accounts(LoginUseCase login, AuthenticateUseCase authenticate,
            RefreshAccessTokenUseCase refresh, LogoutUseCase logout, ChangePasswordUseCase changePassword) {
        return new AccountUseCases(login, authenticate, refresh, logout, changePassword);
    }

    @Provides
    static ApiTokenUseCases apiTokens(CreateApiTokenUseCase create, ListApiTokensQuery list, GetApiTokenQuery get,
            DeleteApiTokenUseCase delete) {
        return new ApiTokenUseCases(create, list, get, delete);
    }

    @Provides
    static UserUseCases users(AddUserUseCase add, SetUserPasswordUseCase setPassword, ListUsersQuery list,
            RemoveUserUseCase remove, SetUserLimitsUseCase setLimits, SetAdminUseCase setAdmin,
            ListUserUsageQuery usage) {
        return new UserUseCases(add, setPassword, list, remove, setLimits, setAdmin, usage);
    }

    @Provides
    static CatalogueUseCases catalogue(ListImagesQuery images, ListPerfTypesQuery perfTypes) {
        return new CatalogueUseCases(images, perfTypes);
    }

    @Provides
    static ClusterUseCases clusters(CreateClusterUseCase create, DeleteClusterUseCase delete, ListClustersQuery list,
            GetClusterQuery get, ListClusterEventsQuery events, ResolveNotebookRouteQuery notebookRoutes,
            ResizeSparkWorkersUseCase resize, StopClusterUseCase stop, StartClusterUseCase start) {
        return new ClusterUseCases(create, delete, list, get, events, notebookRoutes, resize, stop, start);
    }
}
